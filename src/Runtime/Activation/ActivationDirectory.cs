using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Placement;

namespace Orleans.Personalization.Runtime.Activation;

/// <summary>
/// The silo's activations (Orleans calls this the catalog). It creates an activation on the first call,
/// runs calls one turn at a time, and deactivates idle activations. The dictionary entry is removed only
/// at the end of a deactivation, inside the turn, so there is never more than one live activation of a
/// grain: a caller that queued behind a deactivation sees the status and retries on a fresh one.
/// </summary>
public sealed class ActivationDirectory(
    IServiceProvider services,
    GrainTypeRegistry registry,
    PartitionMap partitionMap,
    IOptions<SiloOptions> options,
    TimeProvider timeProvider,
    ILogger<ActivationDirectory> logger)
{
    private readonly ConcurrentDictionary<GrainId, GrainActivation> _activations = new();
    private readonly SiloOptions _options = options.Value;
    private long _activationCount;
    private volatile bool _accepting = true;

    /// <summary>Number of live activations.</summary>
    public int Count => _activations.Count;

    /// <summary>Total activations created since start (tests use it to see re-activation).</summary>
    public long ActivationsCreated => Interlocked.Read(ref _activationCount);

    /// <summary>Whether the grain has a live activation on this silo.</summary>
    public bool IsActive(GrainId grainId) => _activations.ContainsKey(grainId);

    /// <summary>
    /// Runs <paramref name="call"/> on the grain's activation now, when it is active and between turns; otherwise
    /// returns false and starts nothing. The turn ends when the returned task completes (at once, when the grain
    /// answers synchronously: then nothing is allocated for the turn but the call's own task).
    /// </summary>
    public bool TryInvokeNow<TState, TResult>(GrainId grainId, TState state, Func<Grain, TState, Task<TResult>> call, out Task<TResult> result)
    {
        result = null!;
        if (!_accepting
            || !_activations.TryGetValue(grainId, out var activation)
            || activation.Status != ActivationStatus.Active
            || !activation.Turn.Wait(0))
        {
            return false;
        }

        if (activation.Status != ActivationStatus.Active)
        {
            // Deactivated between the look and taking the turn: the caller queues the usual way.
            activation.Turn.Release();
            return false;
        }

        Task<TResult> task;
        try
        {
            task = call(activation.Grain!, state);
        }
        catch (Exception ex)
        {
            task = Task.FromException<TResult>(ex);
        }

        if (task.IsCompleted && activation.PendingDeactivation is null)
        {
            activation.Grain!.OnTurnEnded();
            activation.LastUsedTimestamp = timeProvider.GetTimestamp();
            activation.Turn.Release();
            result = task;
        }
        else
        {
            result = FinishTurnAsync(activation, task);
        }

        return true;
    }

    private async Task<TResult> FinishTurnAsync<TResult>(GrainActivation activation, Task<TResult> call)
    {
        try
        {
            return await call;
        }
        finally
        {
            await EndTurnAsync(activation);
        }
    }

    /// <summary>Runs <paramref name="call"/> on the grain's activation, in a turn of its own.</summary>
    public async Task<TResult> InvokeAsync<TResult>(GrainId grainId, Func<Grain, Task<TResult>> call, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            if (!_accepting)
            {
                throw new SiloUnavailableException($"The silo is stopping; the call to {grainId} was not started.");
            }

            var activation = _activations.GetOrAdd(grainId, static (id, map) => new GrainActivation(id, map.PartitionOf(id)), partitionMap);
            await activation.Turn.WaitAsync(cancellationToken);
            try
            {
                if (activation.Status == ActivationStatus.Deactivated)
                {
                    continue;
                }

                if (activation.Status == ActivationStatus.Created)
                {
                    await ActivateAsync(activation, cancellationToken);
                }

                return await call(activation.Grain!);
            }
            finally
            {
                await EndTurnAsync(activation);
            }
        }
    }

    /// <summary>Ends a turn: marks the activation used, runs a deactivation the turn asked for, lets the next call in.</summary>
    private async Task EndTurnAsync(GrainActivation activation)
    {
        activation.Grain?.OnTurnEnded();
        activation.LastUsedTimestamp = timeProvider.GetTimestamp();
        if (activation.PendingDeactivation is { } reason && activation.Status == ActivationStatus.Active)
        {
            await DeactivateInTurnAsync(activation, reason);
        }

        activation.Turn.Release();
    }

    /// <summary>Runs a call that returns nothing.</summary>
    public Task InvokeAsync(GrainId grainId, Func<Grain, Task> call, CancellationToken cancellationToken = default) =>
        InvokeAsync(grainId, async grain =>
        {
            await call(grain);
            return true;
        }, cancellationToken);

    /// <summary>Deactivates every activation unused for longer than the idle timeout; busy ones are skipped.</summary>
    public async Task<int> CollectIdleAsync()
    {
        var collected = 0;
        foreach (var activation in _activations.Values)
        {
            if (timeProvider.GetElapsedTime(activation.LastUsedTimestamp) < _options.ActivationIdleTimeout
                || !activation.Turn.Wait(0))
            {
                continue;
            }

            try
            {
                if (activation.Status == ActivationStatus.Active
                    && timeProvider.GetElapsedTime(activation.LastUsedTimestamp) >= _options.ActivationIdleTimeout)
                {
                    await DeactivateInTurnAsync(activation, DeactivationReason.Idle);
                    collected++;
                }
            }
            finally
            {
                activation.Turn.Release();
            }
        }

        RuntimeLog.IdleCollected(logger, collected);
        return collected;
    }

    /// <summary>Waits for each matching activation's current turn, then deactivates it.</summary>
    public async Task DeactivateAsync(Func<GrainActivationInfo, bool> filter, DeactivationReason reason, CancellationToken cancellationToken = default)
    {
        foreach (var activation in _activations.Values)
        {
            if (!filter(new GrainActivationInfo(activation.GrainId, activation.Partition)))
            {
                continue;
            }

            await activation.Turn.WaitAsync(cancellationToken);
            try
            {
                if (activation.Status == ActivationStatus.Active)
                {
                    await DeactivateInTurnAsync(activation, reason);
                }
            }
            finally
            {
                activation.Turn.Release();
            }
        }
    }

    /// <summary>Refuses new calls, then drains and deactivates everything (graceful shutdown).</summary>
    public async Task StopAsync(string siloId, CancellationToken cancellationToken)
    {
        _accepting = false;
        RuntimeLog.Draining(logger, siloId, _activations.Count);
        await DeactivateAsync(static _ => true, DeactivationReason.Shutdown, cancellationToken);
    }

    private async Task ActivateAsync(GrainActivation activation, CancellationToken cancellationToken)
    {
        try
        {
            var grain = (Grain)ActivatorUtilities.CreateInstance(services, registry.ImplementationOf(activation.GrainId.Type));
            grain.Attach(activation, services.GetRequiredService<GrainRuntime>());
            activation.Grain = grain;
            Interlocked.Increment(ref _activationCount);
            await grain.OnActivateAsync(cancellationToken);
            activation.Status = ActivationStatus.Active;
        }
        catch
        {
            // A failed activation leaves no trace: the next call starts from storage again.
            activation.Status = ActivationStatus.Deactivated;
            _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.GrainId, activation));
            throw;
        }
    }

    private async Task DeactivateInTurnAsync(GrainActivation activation, DeactivationReason reason)
    {
        try
        {
            await activation.Grain!.OnDeactivateAsync(reason, CancellationToken.None);
        }
        catch (Exception ex)
        {
            // Nothing is lost: the journal is the truth and a snapshot is only a shortcut.
            RuntimeLog.DeactivationFailed(logger, ex, activation.GrainId);
        }
        finally
        {
            activation.Status = ActivationStatus.Deactivated;
            activation.PendingDeactivation = null;
            _activations.TryRemove(new KeyValuePair<GrainId, GrainActivation>(activation.GrainId, activation));
        }
    }
}
