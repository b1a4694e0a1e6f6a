using System.Globalization;
using Orleans.Personalization.BenchKit;

namespace Orleans.Personalization.IngestBenchmark;

/// <summary>
/// Command-line settings: --duration 20 --warmup 5 --clients 32 --batch 100 --memory-shoppers 20000, and any number of
/// --set Section:Key=value passed to the server (for example --set Analytics:Enabled=false).
/// </summary>
internal sealed record BenchmarkOptions(
    TimeSpan Duration,
    TimeSpan Warmup,
    int Clients,
    int BatchSize,
    int MemoryShoppers,
    string Synchronous,
    string DataFile,
    IReadOnlyList<KeyValuePair<string, string>> ServerSettings)
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
            TimeSpan.FromSeconds(Number("--duration", 20)),
            TimeSpan.FromSeconds(Number("--warmup", 5)),
            Number("--clients", 32),
            Number("--batch", 100),
            Number("--memory-shoppers", 20_000),
            Value("--synchronous", "Full"),
            Given("--data") ?? DataFiles.Default(),
            args.Select((arg, i) => (arg, i))
                .Where(a => a.arg == "--set" && a.i + 1 < args.Length)
                .Select(a => args[a.i + 1].Split('=', 2))
                .Select(static kv => new KeyValuePair<string, string>(kv[0], kv.Length > 1 ? kv[1] : ""))
                .ToArray());
    }
}
