using System.Globalization;

namespace Orleans.Personalization.TriggerBenchmark;

/// <summary>
/// Command-line settings: --pending 100000 (carts waiting far in the future), --measured 6000 carts that come
/// due at --rate 200 per second after --delay 5 seconds, --burst 20000 carts due together, --receivers 4.
/// </summary>
internal sealed record BenchmarkOptions(int Pending, int Measured, int Rate, TimeSpan Delay, int Burst, int Receivers)
{
    public static BenchmarkOptions Parse(string[] args)
    {
        int Number(string name, int fallback)
        {
            var index = Array.LastIndexOf(args, name);
            return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1], CultureInfo.InvariantCulture) : fallback;
        }

        return new BenchmarkOptions(
            Number("--pending", 100_000),
            Number("--measured", 6_000),
            Number("--rate", 200),
            TimeSpan.FromSeconds(Number("--delay", 5)),
            Number("--burst", 20_000),
            Number("--receivers", 4));
    }
}
