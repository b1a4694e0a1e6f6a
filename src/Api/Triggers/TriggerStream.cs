using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.Triggers.Outbox;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>
/// Writes the outbox as Server-Sent Events from a position: each trigger as "id: {outbox sequence}",
/// "event: {type}", "data: {trigger JSON}". Sequences are commit-ordered, so resuming after the last id
/// seen (Last-Event-ID) misses nothing. An append on this silo wakes the stream at once; a poll finds
/// appends by other silos; a comment line every 15 s keeps proxies from closing an idle stream.
/// </summary>
internal sealed class TriggerStream(IOutboxStore outbox, IOptions<OutboxOptions> options, TimeProvider timeProvider)
{
    private const int BatchSize = 200;
    private static readonly TimeSpan Heartbeat = TimeSpan.FromSeconds(15);
    private static readonly byte[] HeartbeatLine = ": keep-alive\n\n"u8.ToArray();

    public async Task WriteAsync(HttpResponse response, long cursor, IReadOnlyCollection<string>? types, CancellationToken cancellationToken)
    {
        response.ContentType = "text/event-stream";
        response.Headers.CacheControl = "no-cache";
        response.Headers["X-Accel-Buffering"] = "no";
        await response.Body.WriteAsync("retry: 2000\n\n"u8.ToArray(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);

        var wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnAppended() => Volatile.Read(ref wake).TrySetResult();
        outbox.Appended += OnAppended;
        try
        {
            var quietSince = timeProvider.GetTimestamp();
            while (!cancellationToken.IsCancellationRequested)
            {
                Volatile.Write(ref wake, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));

                // Sequences are commit-ordered: every entry up to `last` is visible to the read below, so a
                // filtered read that found fewer than a batch may skip the others up to there for good.
                var last = types is null ? 0 : await outbox.LastSequenceAsync(cancellationToken);
                var entries = await outbox.ReadAsync(cursor, BatchSize, types, cancellationToken: cancellationToken);
                foreach (var entry in entries)
                {
                    await WriteEventAsync(response.Body, entry, cancellationToken);
                    cursor = entry.Sequence;
                }

                if (entries.Count < BatchSize && last > cursor)
                {
                    cursor = last;
                }

                if (entries.Count > 0)
                {
                    await response.Body.FlushAsync(cancellationToken);
                    quietSince = timeProvider.GetTimestamp();
                    if (entries.Count == BatchSize)
                    {
                        continue;
                    }
                }
                else if (timeProvider.GetElapsedTime(quietSince) >= Heartbeat)
                {
                    await response.Body.WriteAsync(HeartbeatLine, cancellationToken);
                    await response.Body.FlushAsync(cancellationToken);
                    quietSince = timeProvider.GetTimestamp();
                }

                var poll = options.Value.PollInterval < Heartbeat ? options.Value.PollInterval : Heartbeat;
                await Task.WhenAny(Volatile.Read(ref wake).Task, Task.Delay(poll, timeProvider, cancellationToken));
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The client went away.
        }
        finally
        {
            outbox.Appended -= OnAppended;
        }
    }

    private static async Task WriteEventAsync(Stream body, OutboxEntry entry, CancellationToken cancellationToken)
    {
        var text = new StringBuilder(entry.Payload.Length + 64)
            .Append("id: ").Append(entry.Sequence.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append("event: ").Append(entry.Type).Append('\n');
        foreach (var line in Encoding.UTF8.GetString(entry.Payload).Split('\n'))
        {
            text.Append("data: ").Append(line).Append('\n');
        }

        text.Append('\n');
        await body.WriteAsync(Encoding.UTF8.GetBytes(text.ToString()), cancellationToken);
    }
}
