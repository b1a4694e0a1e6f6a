using System.Reflection;

namespace Orleans.Personalization.Runtime.Calls;

/// <summary>Carries a grain call to the silo that owns the grain's partition (a cluster transport).</summary>
public interface IRemoteGrainInvoker
{
    /// <summary>Invokes <paramref name="method"/> on the grain at <paramref name="siloId"/> and returns its result.</summary>
    Task<TResult> InvokeAsync<TResult>(string siloId, GrainId grainId, MethodInfo method, object?[] arguments, CancellationToken cancellationToken);
}
