using System.Reflection;

namespace Orleans.Personalization.Runtime.Calls;

/// <summary>
/// The object behind a grain reference: every interface call becomes a message to the router, which
/// finds the silo and activation. Orleans generates these at compile time; DispatchProxy does it at run time.
/// </summary>
public class GrainProxy : DispatchProxy
{
    internal GrainId GrainId { get; set; }

    internal GrainCallRouter? Router { get; set; }

    /// <summary>A copy of this proxy (of the same generated type) addressing <paramref name="grainId"/>.</summary>
    internal GrainProxy CloneFor(GrainId grainId, GrainCallRouter router)
    {
        var copy = (GrainProxy)MemberwiseClone();
        copy.GrainId = grainId;
        copy.Router = router;
        return copy;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        ArgumentNullException.ThrowIfNull(targetMethod);
        return Router!.Invoke(GrainId, targetMethod, args ?? []);
    }

    public override string ToString() => GrainId.ToString();
}
