using Microsoft.Extensions.Hosting;
using Orleans.Personalization.Grains.Interfaces.Webhooks;
using Orleans.Personalization.Grains.Webhooks;

namespace Orleans.Personalization.Triggers.Webhooks;

/// <summary>
/// Runs one <see cref="WebhookWorker"/> per subscription whose grain partition this silo holds, so each
/// subscription is delivered by exactly one silo, and a slow or failing receiver only ever occupies its
/// own worker. It follows the registry (at once for changes made here, by polling for the rest) and wakes
/// workers when triggers are appended to the outbox.
/// </summary>
public sealed class WebhookDispatcher(WebhookDeliveryServices services, WebhookSignals signals) : IHostedService, IAsyncDisposable
{
    private readonly Dictionary<string, RunningWorker> _workers = new(StringComparer.Ordinal);
    private readonly object _gate = new();
    private readonly SemaphoreSlim _stopGate = new(1, 1);
    private TaskCompletionSource _refresh = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    /// <summary>Ids of the subscriptions this silo is delivering now (tests and health use it).</summary>
    public IReadOnlyCollection<string> ActiveSubscriptions
    {
        get
        {
            lock (_gate)
            {
                return _workers.Where(static w => !w.Value.Run.IsCompleted).Select(static w => w.Key).ToArray();
            }
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        signals.RegistryChanged += OnRegistryChanged;
        signals.SubscriptionChanged += OnSubscriptionChanged;
        services.Outbox.Appended += OnAppended;
        _stopping = new CancellationTokenSource();
        _loop = LoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        signals.RegistryChanged -= OnRegistryChanged;
        signals.SubscriptionChanged -= OnSubscriptionChanged;
        services.Outbox.Appended -= OnAppended;

        // One stop at a time: the host's stop and the container's dispose may both ask, and the second
        // must find the first finished rather than dispose what its workers still use.
        await _stopGate.WaitAsync(CancellationToken.None);
        try
        {
            if (_stopping is null)
            {
                return;
            }

            await _stopping.CancelAsync();
            await _loop!;
            RunningWorker[] workers;
            lock (_gate)
            {
                workers = [.. _workers.Values];
                _workers.Clear();
            }

            foreach (var worker in workers)
            {
                await worker.StopAsync();
            }

            _stopping.Dispose();
            _stopping = null;
        }
        finally
        {
            _stopGate.Release();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync(CancellationToken.None);

    private void OnRegistryChanged() => _refresh.TrySetResult();

    private void OnSubscriptionChanged(string subscriptionId)
    {
        lock (_gate)
        {
            if (_workers.TryGetValue(subscriptionId, out var running))
            {
                running.Worker.Reload();
            }
        }

        _refresh.TrySetResult();
    }

    private void OnAppended()
    {
        lock (_gate)
        {
            foreach (var running in _workers.Values)
            {
                running.Worker.Wake();
            }
        }
    }

    private async Task LoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            var refresh = _refresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                await RefreshAsync(stopping);
                await Task.WhenAny(refresh.Task, Task.Delay(services.Options.RefreshInterval, services.TimeProvider, stopping));
            }
            catch (OperationCanceledException) when (stopping.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                DeliveryLog.LoopFailed(services.Logger, ex, "webhook dispatcher");
                await Task.WhenAny(Task.Delay(services.Options.RefreshInterval, services.TimeProvider, stopping));
            }
        }
    }

    private async Task RefreshAsync(CancellationToken stopping)
    {
        var ids = await services.Grains.GetGrain<IWebhookRegistryGrain>(WebhookRegistryGrain.Key).ListAsync();
        var wanted = ids
            .Where(id => services.Ownership.IsServing(services.PartitionMap.PartitionOf(WebhookSubscribers.GrainIdOf(id))))
            .ToHashSet(StringComparer.Ordinal);
        var stale = new List<RunningWorker>();
        lock (_gate)
        {
            foreach (var (id, running) in _workers.ToArray())
            {
                if (!wanted.Contains(id) || running.Run.IsCompleted)
                {
                    stale.Add(running);
                    _workers.Remove(id);
                }
            }

            foreach (var id in wanted.Where(id => !_workers.ContainsKey(id)))
            {
                _workers[id] = RunningWorker.Start(new WebhookWorker(id, services), services, stopping);
            }
        }

        foreach (var running in stale)
        {
            await running.StopAsync();
        }
    }

    private sealed class RunningWorker(WebhookWorker worker, Task run, CancellationTokenSource stop)
    {
        public WebhookWorker Worker { get; } = worker;

        public Task Run { get; } = run;

        public static RunningWorker Start(WebhookWorker worker, WebhookDeliveryServices services, CancellationToken stopping)
        {
            var stop = CancellationTokenSource.CreateLinkedTokenSource(stopping);
            return new RunningWorker(worker, RunLoggedAsync(worker, services, stop.Token), stop);
        }

        public async Task StopAsync()
        {
            await stop.CancelAsync();
            await Run;
            stop.Dispose();
        }

        private static async Task RunLoggedAsync(WebhookWorker worker, WebhookDeliveryServices services, CancellationToken stopping)
        {
            await Task.Yield();
            try
            {
                var reason = await worker.RunAsync(stopping);
                DeliveryLog.WorkerStopped(services.Logger, worker.SubscriptionId, reason);
            }
            catch (Exception ex)
            {
                // The dispatcher starts it again at its next refresh.
                DeliveryLog.WorkerFailed(services.Logger, ex, worker.SubscriptionId);
            }
        }
    }
}
