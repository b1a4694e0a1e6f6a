using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Grains.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>
/// Recommendation strategies as experiment variants: when a running experiment changes the weights of the
/// placement asked for, the shopper is assigned (serving the recommendation is the exposure, journaled once
/// per version) and ranked with its variant's weights. Placements no experiment touches cost one dictionary lookup.
/// </summary>
public sealed class ExperimentPlacementOverrides(ExperimentCatalogCache catalog) : IPlacementOverrides
{
    public async ValueTask<PlacementOptions> ApplyAsync(IUserGrain shopper, Placement placement, PlacementOptions configured)
    {
        var name = placement.Name();
        var experiments = (await catalog.GetAsync()).ChangingPlacement(name);
        var result = configured;
        foreach (var experiment in experiments)
        {
            var assignment = await shopper.AssignExperimentAsync(new ExperimentAssignmentRequest(experiment.Definition, ExperimentAssignmentRequest.FromRecommendations));
            if (assignment.Variant is { } variant
                && experiment.OverridesFor(variant)?.Recommendations?.GetValueOrDefault(name) is { } weights)
            {
                result = WithWeights(result, weights);
            }
        }

        return result;
    }

    /// <summary>A copy of the placement settings with other strategy weights; rules, boosts and pins stay as configured.</summary>
    public static PlacementOptions WithWeights(PlacementOptions configured, IReadOnlyDictionary<string, double> weights) => new()
    {
        Weights = new Dictionary<string, double>(weights, StringComparer.Ordinal),
        MaxPerCategory = configured.MaxPerCategory,
        ExcludePurchased = configured.ExcludePurchased,
        ExcludeViewedInSession = configured.ExcludeViewedInSession,
        CategoryAffinityBoost = configured.CategoryAffinityBoost,
        PriceFitBoost = configured.PriceFitBoost,
        SearchBoost = configured.SearchBoost,
        Boosts = configured.Boosts,
        Pins = configured.Pins,
    };
}
