using System.Globalization;
using System.Text.RegularExpressions;

namespace Orleans.Personalization.IngestBenchmark;

/// <summary>
/// Sums the SQLite writer's statistics lines (logged by the server every 5 s) over a phase: writes per second, pages
/// written per write, the share of time the writer was busy and committing, its CPU, and its time waiting for a core.
/// </summary>
internal static partial class WriterStatistics
{
    public static string Describe(IEnumerable<string> lines)
    {
        double seconds = 0, writes = 0, groups = 0, pages = 0, busy = 0, cpu = 0, committing = 0, waiting = 0;
        var cpuKnown = true;
        var waitKnown = true;
        foreach (var line in lines)
        {
            var match = Line().Match(line);
            if (!match.Success)
            {
                continue;
            }

            var s = Number(match, "seconds");
            var w = Number(match, "writes");
            seconds += s;
            writes += w;
            groups += Number(match, "groups");
            pages += Number(match, "pages") * w;
            busy += Number(match, "busy") / 100 * s;
            committing += Number(match, "commit") / 100 * s;
            cpuKnown &= AddShare(match, "cpu", s, ref cpu);
            waitKnown &= AddShare(match, "wait", s, ref waiting);
        }

        if (seconds == 0)
        {
            return "no statistics logged";
        }

        var cpuText = cpuKnown
            ? string.Create(CultureInfo.InvariantCulture, $", CPU {100 * cpu / seconds:0} % of a core = {cpu * 1e6 / writes:0.0} µs per write")
            : string.Empty;
        var waitText = waitKnown ? string.Create(CultureInfo.InvariantCulture, $", waiting for a core {100 * waiting / seconds:0} % of the time") : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"{writes / seconds:N0} writes/s in {groups / seconds:N0} groups/s, {pages / writes:0.00} pages written per write, busy {100 * busy / seconds:0} % of the time (committing {100 * committing / seconds:0} %){cpuText}{waitText} ({seconds:0} s)");
    }

    /// <summary>Adds a percentage that the server may log as "unknown" (weighted by the line's seconds); false if it did.</summary>
    private static bool AddShare(Match match, string group, double seconds, ref double sum)
    {
        if (!double.TryParse(match.Groups[group].Value, CultureInfo.InvariantCulture, out var percent))
        {
            return false;
        }

        sum += percent / 100 * seconds;
        return true;
    }

    private static double Number(Match match, string group) => double.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"SQLite writer: (?<writes>\d+) writes in (?<groups>\d+) groups over (?<seconds>[\d.]+) s, (?<pages>[\d.]+) pages written per write, busy (?<busy>[\d.]+) % of the time, CPU (?<cpu>[\w.]+) % of a core[^;]*; committing (?<commit>[\d.]+) % of the time, waiting for a core (?<wait>[\w.]+) %")]
    private static partial Regex Line();
}
