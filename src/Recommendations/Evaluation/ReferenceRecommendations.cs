using System.Globalization;

namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>Reads session-rec's saved top-50 lists: <c>SessionId;Position;Recommendations;Scores</c>.</summary>
public static class ReferenceRecommendations
{
    public static IReadOnlyList<ReferenceList> Load(string path)
    {
        var lists = new List<ReferenceList>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0)
            {
                continue;
            }

            var fields = line.Split(';');
            var items = fields[2].Split(',');
            var scores = fields[3].Split(',');
            var list = new ItemScore[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                list[i] = new ItemScore(
                    long.Parse(items[i], CultureInfo.InvariantCulture),
                    double.Parse(scores[i], CultureInfo.InvariantCulture));
            }

            lists.Add(new ReferenceList(
                long.Parse(fields[0], CultureInfo.InvariantCulture),
                int.Parse(fields[1], CultureInfo.InvariantCulture),
                list));
        }

        return lists;
    }
}
