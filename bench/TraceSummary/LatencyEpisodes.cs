using System.Globalization;

namespace Orleans.Personalization.TraceSummary;

/// <summary>
/// Groups the slow requests of a fixed-rate latency log (<c>RecommendationBenchmark --latency-log</c>: seconds into
/// the phase, latency ms, generator lateness ms per line) into episodes — requests over a threshold less than a gap
/// apart — and prints how many there are, how far apart they start (a periodic cause shows as a steady period), how
/// many requests each holds and how late the generator itself started requests inside them (a stall of the whole
/// machine delays the generator too).
/// </summary>
internal static class LatencyEpisodes
{
    public static void Print(string path, TextWriter output, double overMs, double gapMs)
    {
        var requests = File.ReadLines(path)
            .Where(static line => line.Length > 0)
            .Select(static line => line.Split(','))
            .Select(static f => (At: Parse(f[0]), Ms: Parse(f[1]), LateMs: Parse(f[2])))
            .OrderBy(static r => r.At)
            .ToList();
        if (requests.Count == 0)
        {
            output.WriteLine("no requests");
            return;
        }

        var latencies = requests.Select(static r => r.Ms).Order().ToArray();
        var episodes = new List<List<(double At, double Ms, double LateMs)>>();
        foreach (var slow in requests.Where(r => r.Ms > overMs))
        {
            if (episodes.Count > 0 && (slow.At - episodes[^1][^1].At) * 1000 < gapMs)
            {
                episodes[^1].Add(slow);
            }
            else
            {
                episodes.Add([slow]);
            }
        }

        var inv = CultureInfo.InvariantCulture;
        var slowCount = episodes.Sum(static e => e.Count);
        output.WriteLine(string.Create(inv, $"{requests.Count:N0} requests over {requests[^1].At - requests[0].At:0.0} s; p50 {Percentile(latencies, 0.50):0.00} ms, p99 {Percentile(latencies, 0.99):0.00} ms, longest {latencies[^1]:0.00} ms"));
        output.WriteLine(string.Create(inv, $"{slowCount:N0} over {overMs} ms, in {episodes.Count} episodes (slow requests under {gapMs} ms apart)"));
        if (episodes.Count == 0)
        {
            return;
        }

        var sizes = episodes.Select(static e => (double)e.Count).Order().ToArray();
        var lateness = episodes.Select(static e => e.Max(static r => r.LateMs)).Order().ToArray();
        output.WriteLine(string.Create(inv, $"requests per episode: p50 {Percentile(sizes, 0.5):0}, most {sizes[^1]:0}; generator's lateness inside (most per episode): p50 {Percentile(lateness, 0.5):0.0} ms, most {lateness[^1]:0.0} ms"));
        if (episodes.Count > 1)
        {
            var gaps = episodes.Zip(episodes.Skip(1), static (a, b) => b[0].At - a[0].At).Order().ToArray();
            output.WriteLine(string.Create(inv, $"between episode starts: p10 {Percentile(gaps, 0.1):0.00} s, p50 {Percentile(gaps, 0.5):0.00} s, p90 {Percentile(gaps, 0.9):0.00} s"));
        }
    }

    private static double Parse(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    // Nearest rank, as the benchmarks' own percentiles.
    private static double Percentile(double[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
}
