using System.Globalization;

namespace Orleans.Personalization.AnalyticsApiBenchmark;

/// <summary>Command-line settings: --events 1000000 --shoppers 100000 --runs 5 --clients 8 --seed 42.</summary>
internal sealed record BenchmarkOptions(int Events, int Shoppers, int Runs, int Clients, int Seed)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Number(string name, int fallback)
        {
            var index = Array.LastIndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchmarkOptions(Number("--events", 1_000_000), Number("--shoppers", 100_000), Number("--runs", 5), Number("--clients", 8), Number("--seed", 42));
    }
}
