using System.Reflection;

namespace Orleans.Personalization.Runtime.Calls;

/// <summary>Creates grain references: a proxy bound to a grain id and the call router.</summary>
public sealed class GrainFactory(GrainTypeRegistry registry, Lazy<GrainCallRouter> router) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        return (TGrain)(object)Prototype<TGrain>.Proxy.CloneFor(new GrainId(registry.NameOf(typeof(TGrain)), key), router.Value);
    }

    /// <summary>
    /// One proxy per grain interface made by DispatchProxy (which finds its generated type and constructs it by
    /// reflection, the costly part), copied for each reference: a grain reference is asked for on every call.
    /// </summary>
    private static class Prototype<TGrain>
    {
        public static readonly GrainProxy Proxy = (GrainProxy)(object)DispatchProxy.Create<TGrain, GrainProxy>()!;
    }
}
