using System.Diagnostics;
using Orleans.Personalization.BenchKit;

namespace Orleans.Personalization.RecommendationBenchmark;

/// <summary>
/// Open-loop load at a fixed rate: request i is due at start + i / rate and is sent then whether or not earlier
/// ones have answered. Latency counts from the due time, so a slow server cannot hide its queue (no coordinated
/// omission).
/// </summary>
internal static class RateRunner
{
    public static async Task<LoadResult> RunAsync(HttpClient client, Func<int, HttpRequestMessage> nextRequest, int rate, TimeSpan warmup, TimeSpan duration)
    {
        var warm = (int)(rate * warmup.TotalSeconds);
        var total = warm + (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var succeeded = new bool[total];
        var failures = 0;
        var sends = new Task[total];
        var start = Stopwatch.GetTimestamp();
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;
        for (var i = 0; i < total; i++)
        {
            var due = start + (long)(i * ticksPerRequest);
            while (Stopwatch.GetTimestamp() < due)
            {
                await Task.Delay(1);
            }

            var n = i;
            sends[i] = Task.Run(async () =>
            {
                using var request = nextRequest(n);
                try
                {
                    using var response = await client.SendAsync(request);
                    response.EnsureSuccessStatusCode();
                    await response.Content.LoadIntoBufferAsync();
                    latencies[n] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
                    succeeded[n] = true;
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
            });
        }

        await Task.WhenAll(sends);
        var measured = Enumerable.Range(warm, total - warm).Where(i => succeeded[i]).ToArray();
        return new LoadResult(measured.Length, failures, duration, measured.Select(i => latencies[i]).ToArray(), measured);
    }
}
