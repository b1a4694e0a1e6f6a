using System.Globalization;
using Orleans.Personalization.BenchKit;

namespace Orleans.Personalization.IngestBenchmark;

/// <summary>Command-line settings: --duration 20 --warmup 5 --clients 32 --batch 100 --memory-shoppers 20000.</summary>
internal sealed record BenchmarkOptions(
    TimeSpan Duration,
    TimeSpan Warmup,
    int Clients,
    int BatchSize,
    int MemoryShoppers,
    string Synchronous,
    string DataFile)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        string Value(string name, string fallback)
        {
            var index = Array.IndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? args[index + 1] : fallback;
        }

        int Number(string name, int fallback) => int.Parse(Value(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);

        return new BenchmarkOptions(
            TimeSpan.FromSeconds(Number("--duration", 20)),
            TimeSpan.FromSeconds(Number("--warmup", 5)),
            Number("--clients", 32),
            Number("--batch", 100),
            Number("--memory-shoppers", 20_000),
            Value("--synchronous", "Full"),
            Value("--data", DataFiles.Default()));
    }
}
