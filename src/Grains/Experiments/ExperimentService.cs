using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>Assignments and flag evaluations for a shopper, following an anonymous visitor to the user it merged into.</summary>
public sealed class ExperimentService(IGrainFactory grains, ExperimentCatalogCache catalog)
{
    private const int MaxRedirects = 3;

    public ValueTask<LiveExperiments> LiveAsync() => catalog.GetAsync();

    /// <summary>The shopper's variant in the current version of <paramref name="experiment"/>, journaling the exposure once per version.</summary>
    public async Task<(string ShopperKey, ExperimentAssignment Assignment)> AssignAsync(ExperimentSpec experiment, string shopperKey)
    {
        var request = new ExperimentAssignmentRequest(experiment.Definition, ExperimentAssignmentRequest.FromApi);
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            var assignment = await grains.GetGrain<IUserGrain>(shopperKey).AssignExperimentAsync(request);
            if (assignment.RedirectTo is null)
            {
                return (shopperKey, assignment);
            }

            shopperKey = assignment.RedirectTo;
        }

        throw new InvalidOperationException($"The assignment for {shopperKey} was redirected more than {MaxRedirects} times.");
    }

    /// <summary>Whether each flag is on for the shopper (targeting on its live profile and traits, rollout by its key).</summary>
    public async Task<(string ShopperKey, IReadOnlyDictionary<string, bool> Flags)> EvaluateAsync(IEnumerable<FlagSpec> flags, string shopperKey)
    {
        var (key, attributes) = await AttributesAsync(shopperKey);
        return (key, flags.ToDictionary(f => f.Flag.Key, f => f.Flag.IsEnabledFor(key, attributes), StringComparer.Ordinal));
    }

    private async Task<(string ShopperKey, IReadOnlyDictionary<string, string> Attributes)> AttributesAsync(string shopperKey)
    {
        for (var hop = 0; hop <= MaxRedirects; hop++)
        {
            var targeting = await grains.GetGrain<IUserGrain>(shopperKey).GetTargetingAttributesAsync();
            if (targeting.MergedIntoUserId is null)
            {
                return (shopperKey, targeting.Attributes);
            }

            shopperKey = ShopperKey.ForUser(targeting.MergedIntoUserId);
        }

        throw new InvalidOperationException($"The flag evaluation for {shopperKey} was redirected more than {MaxRedirects} times.");
    }
}
