using System.Globalization;
using Orleans.Personalization.TraceSummary;

// Summarises a trace from `dotnet-trace collect` (default profile for CPU, gc-verbose for allocations), or with --perf
// the text of `perf script`, or with --gc the collector's pauses in a trace of the runtime's GC events, or with --episodes
// the slow requests of a benchmark's --latency-log file grouped into episodes: where the samples fall (by thread; exclusive and inclusive, by method) and which types
// and which of our methods allocate; with --callers, the stacks that lead to a method and what it was running. Usage: TraceSummary <trace.nettrace | perf.txt | latencies.csv> [--perf | --gc [--list] | --episodes [--over 10] [--gap 50]] [--top 40] [--ours Orleans.Personalization] [--callers Method]
if (args.Length == 0 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: TraceSummary <trace.nettrace | perf.txt | latencies.csv> [--perf | --gc [--list] | --episodes [--over 10] [--gap 50]] [--top 40] [--ours Orleans.Personalization] [--callers Method]");
    return 2;
}

string Option(string name, string fallback)
{
    var index = Array.LastIndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

if (args.Contains("--gc"))
{
    GcPauseReader.Print(args[0], Console.Out, args.Contains("--list"));
    return 0;
}

if (args.Contains("--episodes"))
{
    var over = double.Parse(Option("--over", "10"), CultureInfo.InvariantCulture);
    var gap = double.Parse(Option("--gap", "50"), CultureInfo.InvariantCulture);
    LatencyEpisodes.Print(args[0], Console.Out, over, gap);
    return 0;
}

var top = int.Parse(Option("--top", "40"), CultureInfo.InvariantCulture);
var ours = Option("--ours", "Orleans.Personalization");
var callersOf = Option("--callers", string.Empty);
var summary = args.Contains("--perf")
    ? PerfScriptReader.Read(args[0], ours, callersOf.Length == 0 ? null : callersOf)
    : TraceReader.Read(args[0], ours, callersOf.Length == 0 ? null : callersOf);
summary.Print(Console.Out, top);
return 0;
