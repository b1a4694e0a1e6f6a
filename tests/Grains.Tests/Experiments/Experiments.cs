using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Grains.Experiments;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Tests.Experiments;

/// <summary>Experiment definitions for tests, and shoppers chosen for the variant a test needs.</summary>
internal static class Experiments
{
    public static ExperimentSpec Spec(string key, params (string Variant, int Weight)[] variants) => new()
    {
        Definition = new ExperimentDefinition(key, variants.Select(static v => new ExperimentVariant(v.Variant, v.Weight)).ToArray()),
    };

    public static string NewKey(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];

    /// <summary>A fresh anonymous shopper key that hashing puts in <paramref name="variant"/> of <paramref name="spec"/>.</summary>
    public static string AnonymousIn(ExperimentSpec spec, string variant) =>
        ShopperIn(spec, variant, static id => ShopperKey.ForAnonymous(id));

    public static string UserIn(ExperimentSpec spec, string variant) =>
        ShopperIn(spec, variant, static id => ShopperKey.ForUser(id));

    public static IExperimentRegistryGrain Registry(this IGrainFactory grains) =>
        grains.GetGrain<IExperimentRegistryGrain>(ExperimentCatalogCache.GrainKey);

    private static string ShopperIn(ExperimentSpec spec, string variant, Func<string, string> key)
    {
        for (var i = 0; i < 10_000; i++)
        {
            var candidate = key(Guid.NewGuid().ToString("N")[..12]);
            if (ExperimentAssigner.Choose(spec.Definition, candidate) == variant)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException($"No shopper found for variant {variant}.");
    }
}
