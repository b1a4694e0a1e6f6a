using System.Reflection;

namespace Orleans.Personalization.Runtime.Calls;

/// <summary>Creates grain references: a proxy bound to a grain id and the call router.</summary>
public sealed class GrainFactory(GrainTypeRegistry registry, Lazy<GrainCallRouter> router) : IGrainFactory
{
    public TGrain GetGrain<TGrain>(string key) where TGrain : IGrainWithStringKey
    {
        ArgumentException.ThrowIfNullOrEmpty(key);
        var proxy = DispatchProxy.Create<TGrain, GrainProxy>();
        var grainProxy = (GrainProxy)(object)proxy;
        grainProxy.GrainId = new GrainId(registry.NameOf(typeof(TGrain)), key);
        grainProxy.Router = router.Value;
        return proxy;
    }
}
