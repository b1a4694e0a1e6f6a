using System.Globalization;

namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>Reads session-rec's click files: tab-separated <c>SessionId ItemId Time</c> with a header.</summary>
public static class SessionDataset
{
    /// <summary>
    /// The sessions in file order. A session is a run of rows with the same id, as session-rec reads it; file order
    /// matters because rule learning breaks ties by first appearance.
    /// </summary>
    public static IReadOnlyList<Session> Load(string path)
    {
        using var reader = new StreamReader(path);
        return Parse(reader);
    }

    public static IReadOnlyList<Session> Parse(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        var header = reader.ReadLine()?.Split('\t');
        if (header is null || header.Length < 3 || header[0] != "SessionId" || header[1] != "ItemId" || header[2] != "Time")
        {
            throw new FormatException("Expected the header 'SessionId<TAB>ItemId<TAB>Time'.");
        }

        var sessions = new List<Session>();
        var clicks = new List<Click>();
        long current = 0;
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split('\t');
            var sessionId = long.Parse(fields[0], CultureInfo.InvariantCulture);
            if (clicks.Count > 0 && sessionId != current)
            {
                sessions.Add(new Session(current, clicks));
                clicks = [];
            }

            current = sessionId;
            clicks.Add(new Click(long.Parse(fields[1], CultureInfo.InvariantCulture), double.Parse(fields[2], CultureInfo.InvariantCulture)));
        }

        if (clicks.Count > 0)
        {
            sessions.Add(new Session(current, clicks));
        }

        return sessions;
    }
}
