using System.Diagnostics;
using Orleans.Personalization.BenchKit;

namespace Orleans.Personalization.RecommendationBenchmark;

/// <summary>
/// Open-loop load at a fixed rate: request i is due at start + i / rate and is sent then whether or not earlier
/// ones have answered. Latency counts from the due time, so a slow server cannot hide its queue (no coordinated
/// omission). Requests are started by one thread of their own that sleeps until the next is due (in 1 ms steps: the
/// finest this operating system's sleep gives without spinning a core the server needs), not by the thread pool,
/// whose queue on this shared 2-core machine would add the generator's own delays to every latency. How late the
/// generator started each request is measured too (<see cref="RateResult.SendLateness"/>).
/// </summary>
internal static class RateRunner
{
    public static async Task<RateResult> RunAsync(HttpClient client, Func<int, HttpRequestMessage> nextRequest, int rate, TimeSpan warmup, TimeSpan duration)
    {
        var warm = (int)(rate * warmup.TotalSeconds);
        var total = warm + (int)(rate * duration.TotalSeconds);
        var latencies = new double[total];
        var lateness = new double[total];
        var succeeded = new bool[total];
        var failures = 0;
        var sends = new Task[total];
        var ticksPerRequest = (double)Stopwatch.Frequency / rate;

        async Task SendAsync(int n, long due)
        {
            lateness[n] = Stopwatch.GetElapsedTime(due).TotalMilliseconds;
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
        }

        var sender = new Thread(() =>
        {
            var start = Stopwatch.GetTimestamp();
            for (var i = 0; i < total; i++)
            {
                var due = start + (long)(i * ticksPerRequest);
                while (Stopwatch.GetTimestamp() < due)
                {
                    Thread.Sleep(1);
                }

                sends[i] = SendAsync(i, due);
            }
        })
        { IsBackground = true, Name = "open-loop sender" };
        sender.Start();
        await Task.Run(sender.Join);
        await Task.WhenAll(sends);
        var measured = Enumerable.Range(warm, total - warm).Where(i => succeeded[i]).ToArray();
        return new RateResult(
            new LoadResult(measured.Length, failures, duration, measured.Select(i => latencies[i]).ToArray(), measured),
            new LoadResult(total - warm, 0, duration, lateness[warm..], []));
    }
}

/// <summary>An open-loop phase: the requests' latencies, and how late the generator started each one (in <c>LatenciesMs</c>).</summary>
internal sealed record RateResult(LoadResult Answers, LoadResult SendLateness);
