using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Grains.Interfaces.Profiles;
using Orleans.Personalization.Runtime;

namespace Orleans.Personalization.Grains.Interfaces;

/// <summary>
/// One shopper, keyed by <see cref="ShopperKey"/>: "u:{userId}" for a known user, "a:{anonymousId}" for an
/// anonymous visitor. It absorbs the shopper's events and keeps the live profile in memory.
/// </summary>
[GrainType("user")]
public interface IUserGrain : IGrainWithStringKey
{
    /// <summary>Absorbs messages in order; returns once every new one is durable and applied.</summary>
    Task<TrackResult> TrackAsync(IReadOnlyList<TrackedMessage> messages);

    /// <summary>The live profile, or null if this shopper has never been seen.</summary>
    Task<UserProfile?> GetProfileAsync();

    /// <summary>The in-memory state as canonical JSON, to check it against a replay of the journal.</summary>
    Task<string> GetStateJsonAsync();

    /// <summary>
    /// Called on an anonymous shopper by the user it turned out to be: records the merge (once) and returns
    /// the anonymous history so the user's profile includes it.
    /// </summary>
    Task<MergedHistory> MergeIntoAsync(string userId);

    /// <summary>What recommendations need from the live profile: session, cart, purchases, interests.</summary>
    Task<Recommendations.ShopperContext> GetRecommendationContextAsync();

    /// <summary>Journals impressions of, or a click on, a served recommendation (once per messageId).</summary>
    Task<TrackResult> RecordRecommendationFeedbackAsync(Recommendations.RecommendationFeedback feedback);

    /// <summary>A product this shopper may have viewed or carted got cheaper or came back in stock (at least once; repeats are ignored).</summary>
    Task ProductChangedAsync(Triggers.ProductChange change);

    /// <summary>The shopper's variant in an experiment: sticky once chosen, with one exposure journaled per experiment version.</summary>
    Task<Experiments.ExperimentAssignment> AssignExperimentAsync(Experiments.ExperimentAssignmentRequest request);

    /// <summary>The live profile fields and traits that experiment and flag targeting conditions test.</summary>
    Task<Experiments.TargetingAttributes> GetTargetingAttributesAsync();
}
