using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;

namespace Orleans.Personalization.TriggerBenchmark;

/// <summary>
/// Follows the SSE stream and records, for every trigger, when it was due (facts.dueAt, set by the server)
/// and when it arrived here. Both clocks are this machine's, so the difference is the due-to-delivery latency.
/// </summary>
internal sealed class TriggerStreamRecorder : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, (string Shopper, DateTimeOffset DueAt, DateTimeOffset ReceivedAt)> _received = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _reading;

    private TriggerStreamRecorder(HttpClient client, string path) => _reading = ReadAsync(client, path, _stop.Token);

    public int Count => _received.Count;

    public static TriggerStreamRecorder Start(HttpClient client, string path) => new(client, path);

    /// <summary>Latencies in milliseconds of the triggers whose shopper id starts with <paramref name="prefix"/>.</summary>
    public double[] LatenciesMs(string prefix) => _received.Values
        .Where(r => r.Shopper.StartsWith(prefix, StringComparison.Ordinal))
        .Select(static r => (r.ReceivedAt - r.DueAt).TotalMilliseconds)
        .ToArray();

    public int CountOf(string prefix) => _received.Values.Count(r => r.Shopper.StartsWith(prefix, StringComparison.Ordinal));

    public async Task WaitForAsync(string prefix, int count, TimeSpan within)
    {
        var watch = Stopwatch.StartNew();
        while (CountOf(prefix) < count)
        {
            if (watch.Elapsed > within || _reading.IsCompleted)
            {
                throw new TimeoutException($"only {CountOf(prefix)} of {count} '{prefix}' triggers arrived over SSE within {within.TotalSeconds} s");
            }

            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _reading;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    private async Task ReadAsync(HttpClient client, string path, CancellationToken stop)
    {
        using var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead, stop);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
        while (await reader.ReadLineAsync(stop) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal))
            {
                continue;
            }

            var receivedAt = DateTimeOffset.UtcNow;
            using var trigger = JsonDocument.Parse(line.AsMemory(6));
            var root = trigger.RootElement;
            _received[root.GetProperty("id").GetString()!] = (
                root.GetProperty("shopper").GetProperty("anonymousIds")[0].GetString()!,
                root.GetProperty("facts").GetProperty("dueAt").GetDateTimeOffset(),
                receivedAt);
        }
    }
}
