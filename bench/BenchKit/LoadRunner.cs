using System.Diagnostics;
using System.Net.Http.Headers;

namespace Orleans.Personalization.BenchKit;

/// <summary>
/// Closed-loop load: <c>clients</c> concurrent senders, each sending its next request as soon as the last
/// one answered, for a warm-up (not measured) and then a measured duration.
/// </summary>
public sealed class LoadRunner(HttpClient client, int clients)
{
    public async Task<LoadResult> RunAsync(Func<int, HttpRequestMessage> nextRequest, TimeSpan warmup, TimeSpan duration, int? maxRequests = null)
    {
        var counter = -1;
        var measuring = false;
        var latencies = new List<double>[clients];
        var succeeded = new List<int>[clients];
        var failures = 0;
        var watch = new Stopwatch();
        using var stop = new CancellationTokenSource();
        var senders = Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            succeeded[c] = [];
            while (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref counter);
                if (maxRequests is { } max && n >= max)
                {
                    return;
                }

                using var request = nextRequest(n);
                var started = Stopwatch.GetTimestamp();
                try
                {
                    // Not cancelled at the end: every request sent is either answered or failed, so the
                    // count of acknowledged events can be checked exactly against what was stored.
                    using var response = await client.SendAsync(request);
                    response.EnsureSuccessStatusCode();
                    succeeded[c].Add(n);
                    if (Volatile.Read(ref measuring))
                    {
                        latencies[c].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    }
                }
                catch (HttpRequestException)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }).ToArray();

        await Task.Delay(warmup);
        Volatile.Write(ref measuring, true);
        watch.Start();
        var finished = Task.WhenAll(senders);
        await Task.WhenAny(finished, Task.Delay(duration));
        Volatile.Write(ref measuring, false);
        watch.Stop();
        await stop.CancelAsync();
        await finished;
        var all = latencies.SelectMany(static l => l).ToArray();
        return new LoadResult(all.Length, failures, watch.Elapsed, all, succeeded.SelectMany(static s => s).ToArray());
    }

    public static HttpRequestMessage Post(string path, byte[] body, string key)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(key + ":")));
        return request;
    }
}
