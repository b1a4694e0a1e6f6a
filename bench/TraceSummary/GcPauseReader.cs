using System.Globalization;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Orleans.Personalization.TraceSummary;

/// <summary>
/// Reads the collector's pauses from a trace taken with the runtime's GC keyword (for example
/// <c>dotnet-trace collect --providers Microsoft-Windows-DotNETRuntime:0x1:4</c>): each pause runs from the
/// runtime's "suspend" to its "restart", and is charged to the generation of the collection that started inside it
/// (a background collection's short pauses count as gen2). Prints count, total, p50, p99 and the longest per generation.
/// </summary>
internal static class GcPauseReader
{
    public static void Print(string path, TextWriter output, bool list)
    {
        var pauses = new List<(int Generation, double Ms, double AtSeconds)>();
        var promoted = new List<(int Generation, double Mib)>();
        var suspensions = new List<(int Generation, double Ms)>();
        var collections = new List<(int Generation, double Ms)>();
        var heap = 0.0;
        var handles = 0;
        double? suspendEnded = null, collectionStarted = null;
        double? suspendedAt = null;
        var generation = -1;
        double first = double.NaN, last = 0;
        using (var source = new EventPipeEventSource(path))
        {
            source.Clr.GCSuspendEEStart += e => (suspendedAt, suspendEnded, generation) = (e.TimeStampRelativeMSec, null, -1);
            source.Clr.GCSuspendEEStop += e => suspendEnded = e.TimeStampRelativeMSec;
            source.Clr.GCStart += e =>
            {
                generation = generation < 0 ? e.Depth : generation;
                collectionStarted ??= e.TimeStampRelativeMSec;
            };
            source.Clr.GCStop += e =>
            {
                if (collectionStarted is { } started)
                {
                    collections.Add((generation, e.TimeStampRelativeMSec - started));
                }

                collectionStarted = null;
            };
            source.Clr.GCHeapStats += e =>
            {
                (heap, handles) = ((e.GenerationSize0 + e.GenerationSize1 + e.GenerationSize2 + e.GenerationSize3) / 1048576.0, e.GCHandleCount);
                promoted.Add((generation < 0 ? 2 : generation, (e.TotalPromotedSize0 + e.TotalPromotedSize1) / 1048576.0));
            };
            source.Clr.GCRestartEEStop += e =>
            {
                if (suspendedAt is { } start)
                {
                    suspensions.Add((generation < 0 ? 2 : generation, (suspendEnded ?? start) - start));
                    pauses.Add((generation < 0 ? 2 : generation, e.TimeStampRelativeMSec - start, start / 1000));
                    first = double.IsNaN(first) ? start : first;
                    last = e.TimeStampRelativeMSec;
                }

                suspendedAt = null;
            };
            source.Process();
        }

        var culture = CultureInfo.InvariantCulture;
        if (list)
        {
            foreach (var (g, ms, at) in pauses)
            {
                output.WriteLine(string.Create(culture, $"{at,8:0.000} s  gen{g}  {ms,7:0.00} ms"));
            }
        }

        output.WriteLine(string.Create(culture, $"{pauses.Count} pauses over {(last - first) / 1000:0.0} s of trace; after the last: heap {heap:N0} MiB, {handles:N0} GC handles"));
        output.WriteLine("| generation | pauses | total ms | p50 ms | p99 ms | longest ms | of which suspending threads, mean ms | of which collecting, mean ms | promoted per collection (gen0+gen1 survivors) |");
        output.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var group in pauses.GroupBy(static p => p.Generation).OrderBy(static g => g.Key))
        {
            var sorted = group.Select(static p => p.Ms).Order().ToArray();
            output.WriteLine(string.Create(culture,
                $"| gen{group.Key} | {sorted.Length} | {sorted.Sum():0.0} | {At(sorted, 50):0.00} | {At(sorted, 99):0.00} | {sorted[^1]:0.00} | {Mean(suspensions, group.Key):0.00} | {Mean(collections, group.Key):0.00} | {Promoted(group.Key)} MiB |"));
        }

        static double Mean(List<(int Generation, double Ms)> spans, int generation) =>
            spans.Where(s => s.Generation == generation).Select(static s => s.Ms).DefaultIfEmpty(double.NaN).Average();

        string Promoted(int generation) =>
            promoted.Where(p => p.Generation == generation).Select(static p => p.Mib).DefaultIfEmpty(double.NaN).Average().ToString("0.0", culture);

        static double At(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100 * sorted.Length) - 1)];
    }
}
