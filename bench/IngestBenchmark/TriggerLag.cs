using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Orleans.Personalization.BenchKit;

namespace Orleans.Personalization.IngestBenchmark;

/// <summary>
/// How late nudges reach a marketing system while ingest runs at full speed: a client follows
/// <c>/v1/triggers/stream</c> and notes, for each trigger, the time from its raise (its <c>occurredAt</c>, the
/// server's clock, which is this machine's) to its arrival here, keeping the ones that arrive in the measured phase.
/// </summary>
internal sealed class TriggerLag : IAsyncDisposable
{
    private readonly List<double> _lagsMs = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly long _measuredFrom;
    private readonly Task _reading;

    private TriggerLag(Uri server, long measuredFrom)
    {
        _measuredFrom = measuredFrom;
        _reading = ReadAsync(server, _stop.Token);
    }

    public static TriggerLag Follow(Uri server, long measuredFrom) => new(server, measuredFrom);

    /// <summary>Stops following and describes the lags of the triggers that arrived from the measured phase on.</summary>
    public async Task<string> StopAndDescribeAsync()
    {
        await DisposeAsync();
        double[] lags;
        lock (_lagsMs)
        {
            lags = [.. _lagsMs.Order()];
        }

        if (lags.Length == 0)
        {
            return _reading.Exception is { } failed ? $"not measured: {failed.GetBaseException().Message}" : "no trigger arrived";
        }

        double At(double p) => lags[Math.Clamp((int)Math.Ceiling(p / 100 * lags.Length) - 1, 0, lags.Length - 1)];
        return string.Create(CultureInfo.InvariantCulture, $"{lags.Length:N0} triggers, p50 {At(50):N0} ms, p99 {At(99):N0} ms, max {lags[^1]:N0} ms");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await _stop.CancelAsync();
        }

        await _reading.ContinueWith(static _ => { }, TaskScheduler.Default);
    }

    private async Task ReadAsync(Uri server, CancellationToken stop)
    {
        using var client = new HttpClient { BaseAddress = server, Timeout = Timeout.InfiniteTimeSpan };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(BenchServer.ReadKey + ":")));
        using var response = await client.GetAsync("/v1/triggers/stream", HttpCompletionOption.ResponseHeadersRead, stop);
        response.EnsureSuccessStatusCode();
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(stop));
        while (await reader.ReadLineAsync(stop) is { } line)
        {
            if (!line.StartsWith("data: ", StringComparison.Ordinal) || Stopwatch.GetTimestamp() < _measuredFrom)
            {
                continue;
            }

            var arrived = DateTimeOffset.UtcNow;
            using var trigger = JsonDocument.Parse(line.AsMemory(6));
            var lag = (arrived - trigger.RootElement.GetProperty("occurredAt").GetDateTimeOffset()).TotalMilliseconds;
            lock (_lagsMs)
            {
                _lagsMs.Add(lag);
            }
        }
    }
}
