using System.Diagnostics;

namespace Orleans.Personalization.TestKit;

/// <summary>Polling with a bound and a clear failure message, instead of sleeping and hoping.</summary>
public static class Eventually
{
    public static async Task<T> ReturnsAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, string what, TimeSpan? within = null)
    {
        var limit = within ?? TimeSpan.FromSeconds(30);
        var watch = Stopwatch.StartNew();
        T last;
        do
        {
            last = await probe();
            if (condition(last))
            {
                return last;
            }

            await Task.Delay(25);
        }
        while (watch.Elapsed < limit);

        throw new TimeoutException($"Waited {limit.TotalSeconds:0} s for {what}; last value: {last}");
    }

    public static Task TrueAsync(Func<Task<bool>> probe, string what, TimeSpan? within = null) =>
        ReturnsAsync(probe, static ok => ok, what, within);

    public static Task TrueAsync(Func<bool> probe, string what, TimeSpan? within = null) =>
        ReturnsAsync(() => Task.FromResult(probe()), static ok => ok, what, within);
}
