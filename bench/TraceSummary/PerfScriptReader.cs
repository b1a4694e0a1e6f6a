using System.Text.RegularExpressions;

namespace Orleans.Personalization.TraceSummary;

/// <summary>
/// Reads the text of <c>perf script</c> (from <c>perf record -g</c> on a server started with DOTNET_PerfMapEnabled=1, so
/// jitted methods have names): one block per sample, a header naming the thread, then the stack, leaf first. Unlike
/// the runtime's own sampler, perf sees every CPU cycle: the runtime's native code (GC, JIT), SQLite and the kernel.
/// </summary>
internal static partial class PerfScriptReader
{
    public static Summary Read(string path, string ours, string? callersOf)
    {
        var summary = new Summary(ours, callersOf);
        string? thread = null;
        var frames = new List<string>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                Flush();
                continue;
            }

            if (!char.IsWhiteSpace(line[0]))
            {
                Flush();
                thread = Header().Match(line) is { Success: true } header ? header.Groups["thread"].Value.Trim() : line;
                continue;
            }

            if (Frame().Match(line) is { Success: true } frame)
            {
                var symbol = frame.Groups["symbol"].Value.Trim();
                frames.Add(symbol == "[unknown]" ? $"{Path.GetFileName(frame.Groups["dso"].Value)}!?" : symbol);
            }
        }

        Flush();
        return summary;

        void Flush()
        {
            if (thread is not null && frames.Count > 0)
            {
                summary.AddSample(thread, [.. frames]);
            }

            thread = null;
            frames.Clear();
        }
    }

    // "<thread name> <pid>[/<tid>] <time>: <period> <event>:" — thread names may contain spaces.
    [GeneratedRegex(@"^(?<thread>.*?)\s+\d+(/\d+)?\s+(\[\d+\]\s+)?[\d.]+:")]
    private static partial Regex Header();

    // "<address> <symbol>+<offset> (<dso>)"; the offset is absent for jitted code.
    [GeneratedRegex(@"^\s*[0-9a-f]+\s+(?<symbol>.*?)(\+0x[0-9a-f]+)?\s+\((?<dso>[^()]*)\)\s*$")]
    private static partial Regex Frame();
}
