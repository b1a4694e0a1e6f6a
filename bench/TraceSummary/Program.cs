using System.Globalization;
using Orleans.Personalization.TraceSummary;

// Summarises a trace from `dotnet-trace collect` (default profile for CPU, gc-verbose for allocations):
// where running managed code spends its samples (exclusive and inclusive, by method) and which types and which of
// our methods allocate; with --callers, the stacks that lead to a method. Usage: TraceSummary <trace.nettrace> [--top 40] [--ours Orleans.Personalization] [--callers Method]
if (args.Length == 0 || !File.Exists(args[0]))
{
    Console.Error.WriteLine("usage: TraceSummary <trace.nettrace> [--top 40] [--ours Orleans.Personalization] [--callers Method]");
    return 2;
}

string Option(string name, string fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
}

var top = int.Parse(Option("--top", "40"), CultureInfo.InvariantCulture);
var ours = Option("--ours", "Orleans.Personalization");
var callersOf = Option("--callers", string.Empty);
var summary = TraceReader.Read(args[0], ours, callersOf.Length == 0 ? null : callersOf);
summary.Print(Console.Out, top);
return 0;
