using System.Globalization;
using Orleans.Personalization.BenchKit;

namespace Orleans.Personalization.RecommendationBenchmark;

/// <summary>
/// Command-line settings: --shoppers 100000 --products 10000 --duration 20 --warmup 5 --clients 32 --rate 2000, and
/// --set Key=value passed to the servers (a setting such as Recommendations:MaxCandidates, or a DOTNET_ variable), and
/// --latency-log FILE: every fixed-rate recommendation as "seconds after the phase began, latency ms, generator lateness ms".
/// </summary>
internal sealed record BenchmarkOptions(
    int Shoppers,
    int Products,
    TimeSpan Duration,
    TimeSpan Warmup,
    int Clients,
    int Rate,
    string DataFile,
    bool SkipBaseline,
    string? LatencyLog,
    IReadOnlyDictionary<string, string> ServerSettings)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string? Given(string name)
        {
            var index = Array.LastIndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : null;
        }

        string Value(string name, string fallback) => Given(name) ?? fallback;

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new BenchmarkOptions(
            Number("--shoppers", 100_000),
            Number("--products", 10_000),
            TimeSpan.FromSeconds(Number("--duration", 20)),
            TimeSpan.FromSeconds(Number("--warmup", 5)),
            Number("--clients", 32),
            Number("--rate", 2000),
            Given("--data") ?? DataFiles.Default(),
            args.Contains("--skip-baseline"),
            Given("--latency-log"),
            args.Select((arg, i) => (arg, i))
                .Where(a => a.arg == "--set" && a.i + 1 < args.Length)
                .Select(a => args[a.i + 1].Split('=', 2))
                .ToDictionary(static kv => kv[0], static kv => kv.Length > 1 ? kv[1] : ""));
    }
}
