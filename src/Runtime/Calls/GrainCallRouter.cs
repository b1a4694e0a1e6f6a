using System.Collections.Concurrent;
using System.Reflection;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Activation;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Placement;

namespace Orleans.Personalization.Runtime.Calls;

/// <summary>
/// Routes a grain call: grain id → partition → owning silo. Calls for partitions this silo holds run on
/// the local activation directory; others go to the remote invoker. This is the same path with one silo
/// or many; with one silo every partition is local.
/// </summary>
public sealed class GrainCallRouter(
    PartitionMap partitionMap,
    IPartitionOwnership ownership,
    ActivationDirectory directory,
    IOptions<SiloOptions> options,
    IRemoteGrainInvoker? remote = null)
{
    private static readonly MethodInfo InvokeTypedMethod =
        typeof(GrainCallRouter).GetMethod(nameof(InvokeTypedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private readonly ConcurrentDictionary<MethodInfo, Func<GrainCallRouter, GrainId, MethodInfo, object?[], object>> _dispatchers = new();
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(200);
    private readonly TimeSpan _timeout = options.Value.GrainCallTimeout;

    /// <summary>Called by proxies; returns the Task (or Task&lt;T&gt;) the interface method declares.</summary>
    public object Invoke(GrainId grainId, MethodInfo method, object?[] arguments) =>
        _dispatchers.GetOrAdd(method, CreateDispatcher)(this, grainId, method, arguments);

    private static Func<GrainCallRouter, GrainId, MethodInfo, object?[], object> CreateDispatcher(MethodInfo method)
    {
        var returnType = method.ReturnType;
        if (returnType == typeof(Task))
        {
            return static (router, id, m, args) => router.InvokeTypedAsync<bool>(id, m, args);
        }

        if (returnType.IsGenericType && returnType.GetGenericTypeDefinition() == typeof(Task<>))
        {
            // Func<..., Task<T>> converts to Func<..., object> by covariance: no reflection per call.
            var typed = InvokeTypedMethod.MakeGenericMethod(returnType.GetGenericArguments()[0]);
            var delegateType = typeof(Func<,,,,>).MakeGenericType(typeof(GrainCallRouter), typeof(GrainId), typeof(MethodInfo), typeof(object?[]), returnType);
            return (Func<GrainCallRouter, GrainId, MethodInfo, object?[], object>)typed.CreateDelegate(delegateType);
        }

        throw new NotSupportedException($"Grain method {method.DeclaringType?.Name}.{method.Name} must return Task or Task<T>.");
    }

    private Task<TResult> InvokeTypedAsync<TResult>(GrainId grainId, MethodInfo method, object?[] arguments)
    {
        var partition = partitionMap.PartitionOf(grainId);
        if (ownership.IsServing(partition)
            && directory.TryInvokeNow(grainId, (method, arguments), static (grain, call) => InvokeOnGrainAsync<TResult>(grain, call.method, call.arguments), out var started))
        {
            // The common case costs no timer: a local activation between turns. A turn that did not end at once
            // has the same timeout as a queued call (it cannot be cancelled once started, only given up on).
            return started.IsCompleted ? started : WithTimeoutAsync(started, grainId, method);
        }

        return RouteWithRetriesAsync<TResult>(grainId, partition, method, arguments);
    }

    private async Task<TResult> WithTimeoutAsync<TResult>(Task<TResult> started, GrainId grainId, MethodInfo method)
    {
        try
        {
            return await started.WaitAsync(_timeout);
        }
        catch (TimeoutException) when (!started.IsCompleted)
        {
            throw TimedOut(grainId, method);
        }
    }

    private TimeoutException TimedOut(GrainId grainId, MethodInfo method) => new(
        $"The call {method.Name} on {grainId} did not complete within {_timeout.TotalSeconds:0.#} s: either no silo served its partition "
        + "in that time, or grains calling each other in a cycle deadlocked (turns do not interleave).");

    private async Task<TResult> RouteWithRetriesAsync<TResult>(GrainId grainId, int partition, MethodInfo method, object?[] arguments)
    {
        using var timeout = new CancellationTokenSource(_timeout);
        try
        {
            while (true)
            {
                try
                {
                    return await RouteOnceAsync<TResult>(grainId, partition, method, arguments, timeout.Token).WaitAsync(timeout.Token);
                }
                catch (Exception ex) when (ex is PartitionUnavailableException or RemoteGrainUnavailableException && !timeout.IsCancellationRequested)
                {
                    // The call did not run anywhere (no silo serves the partition right now, or the one we
                    // asked no longer does): wait for the next membership round and route it again.
                    await Task.Delay(RetryDelay, timeout.Token);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or PartitionUnavailableException or RemoteGrainUnavailableException
            && timeout.IsCancellationRequested)
        {
            // Time ran out, whether during the wait or while the last attempt found no silo.
            throw TimedOut(grainId, method);
        }
    }

    private Task<TResult> RouteOnceAsync<TResult>(GrainId grainId, int partition, MethodInfo method, object?[] arguments, CancellationToken cancellationToken)
    {
        if (ownership.IsServing(partition))
        {
            return directory.InvokeAsync(grainId, grain => InvokeOnGrainAsync<TResult>(grain, method, arguments), cancellationToken);
        }

        if (remote is not null && ownership.OwnerOf(partition) is { } owner && owner != ownership.LocalSiloId)
        {
            return remote.InvokeAsync<TResult>(owner, grainId, method, arguments, cancellationToken);
        }

        throw new PartitionUnavailableException(grainId, partition);
    }

    private static Task<TResult> InvokeOnGrainAsync<TResult>(Grain grain, MethodInfo method, object?[] arguments)
    {
        object? returned;
        try
        {
            returned = method.Invoke(grain, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
        }
        catch (Exception ex)
        {
            return Task.FromException<TResult>(ex);
        }

        // A Task<T> method's task is the answer itself; a Task method's is awaited for its outcome only.
        return returned is Task<TResult> typed ? typed : CompletionOf<TResult>((Task)returned!);
    }

    private static async Task<TResult> CompletionOf<TResult>(Task task)
    {
        await task;
        return default!;
    }
}
