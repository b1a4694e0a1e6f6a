using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.Triggers.Outbox;
using RabbitMQ.Client;

namespace Orleans.Personalization.Triggers.RabbitMq;

/// <summary>
/// Publishes the outbox to a RabbitMQ topic exchange (routing key = trigger type), in outbox order, each
/// message confirmed by the broker before the cursor moves past it. A crash between a confirm and the
/// cursor write publishes the message again, with the same message id. One silo publishes: the one
/// holding the partition of a fixed key, so the cursor write is fenced like any other.
/// </summary>
public sealed class RabbitMqPublisher(
    IOutboxStore outbox,
    IDeliveryStore deliveries,
    IPartitionOwnership ownership,
    PartitionMap partitionMap,
    IOptions<RabbitMqOptions> options,
    IOptions<OutboxOptions> outboxOptions,
    TimeProvider timeProvider,
    ILogger<RabbitMqPublisher> logger) : IHostedService, IAsyncDisposable
{
    public const string Subscriber = "rabbitmq";
    private const int BatchSize = 500;
    private static readonly GrainId Owner = new("trigger-publisher", "rabbitmq");
    private readonly RabbitMqOptions _options = options.Value;
    private readonly SemaphoreSlim _stopGate = new(1, 1);
    private TaskCompletionSource _wake = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _stopping;
    private Task? _loop;
    private long _published;

    /// <summary>Messages confirmed by the broker since start.</summary>
    public long Published => Interlocked.Read(ref _published);

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!_options.Enabled)
        {
            return Task.CompletedTask;
        }

        outbox.Appended += OnAppended;
        _stopping = new CancellationTokenSource();
        _loop = LoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        outbox.Appended -= OnAppended;

        // One stop at a time: the host's stop and the container's dispose may both ask.
        await _stopGate.WaitAsync(CancellationToken.None);
        try
        {
            if (_stopping is null)
            {
                return;
            }

            await _stopping.CancelAsync();
            await _loop!;
            _stopping.Dispose();
            _stopping = null;
        }
        finally
        {
            _stopGate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private void OnAppended() => _wake.TrySetResult();

    private async Task LoopAsync(CancellationToken stopping)
    {
        await Task.Yield();
        var partition = partitionMap.PartitionOf(Owner);
        while (!stopping.IsCancellationRequested)
        {
            try
            {
                if (!ownership.TryGetLocalLease(partition, out _))
                {
                    await Task.Delay(outboxOptions.Value.PollInterval, timeProvider, stopping);
                    continue;
                }

                await PublishWhileOwnerAsync(partition, stopping);
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                DeliveryLog.RabbitFailed(logger, ex.Message, _options.ReconnectDelay);
                await Task.WhenAny(Task.Delay(_options.ReconnectDelay, timeProvider, stopping));
            }
        }
    }

    private async Task PublishWhileOwnerAsync(int partition, CancellationToken stopping)
    {
        var factory = new ConnectionFactory { Uri = new Uri(_options.ConnectionString), ClientProvidedName = "orleans-personalization-triggers" };
        await using var connection = await factory.CreateConnectionAsync(stopping);
        await using var channel = await connection.CreateChannelAsync(
            new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), stopping);
        await channel.ExchangeDeclareAsync(_options.Exchange, ExchangeType.Topic, durable: true, autoDelete: false, cancellationToken: stopping);
        var cursor = await deliveries.ReadCursorAsync(Subscriber, stopping);
        DeliveryLog.RabbitConnected(logger, _options.Exchange, cursor);
        while (ownership.TryGetLocalLease(partition, out var lease))
        {
            var wake = _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var entries = await outbox.ReadAsync(cursor, BatchSize, cancellationToken: stopping);
            if (entries.Count == 0)
            {
                await Task.WhenAny(wake.Task, Task.Delay(outboxOptions.Value.PollInterval, timeProvider, stopping));
                stopping.ThrowIfCancellationRequested();
                continue;
            }

            foreach (var entry in entries)
            {
                var properties = new BasicProperties
                {
                    MessageId = entry.MessageId,
                    Type = entry.Type,
                    ContentType = "application/json",
                    DeliveryMode = DeliveryModes.Persistent,
                    Timestamp = new AmqpTimestamp(entry.OccurredAt.ToUnixTimeSeconds()),
                };

                // With confirmation tracking on, this returns once the broker confirmed the message (and throws on a nack).
                await channel.BasicPublishAsync(_options.Exchange, entry.Type, mandatory: false, properties, entry.Payload, stopping);
                Interlocked.Increment(ref _published);
            }

            cursor = entries[^1].Sequence;
            await deliveries.EnqueueAsync(Subscriber, [], cursor, timeProvider.GetUtcNow(), partition, lease.Epoch, stopping);
        }
    }
}
