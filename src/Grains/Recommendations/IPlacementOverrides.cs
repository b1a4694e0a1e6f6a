using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Recommendations;

/// <summary>
/// The one hook experiments have into recommendations: given the shopper a recommendation is for, the placement
/// settings to rank with instead of the configured ones (an experiment variant may blend strategies differently).
/// </summary>
public interface IPlacementOverrides
{
    /// <summary>The settings to use; <paramref name="configured"/> when nothing applies to this shopper.</summary>
    ValueTask<PlacementOptions> ApplyAsync(IUserGrain shopper, Placement placement, PlacementOptions configured);
}
