using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Experiments;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains;

/// <summary>
/// The shopper's experiments (docs/analytics.md). A variant is chosen by hashing the shopper key with the
/// experiment key (StableBucket: the same on every silo and after restarts) and then kept in the journal as an
/// exposure, so re-weighting never moves the shopper and a merged anonymous history brings its variant along.
/// One exposure is journaled per experiment version. Experiments whose variants change trigger settings apply
/// here: the shopper's triggers run with its variant's settings.
/// </summary>
public sealed partial class UserGrain
{
    public async Task<ExperimentAssignment> AssignExperimentAsync(ExperimentAssignmentRequest request)
    {
        if (State.MergedInto is { } mergedInto)
        {
            return new ExperimentAssignment { RedirectTo = ShopperKey.ForUser(mergedInto) };
        }

        var assignment = Assign(request.Experiment, request.Source);
        await ConfirmEventsAsync();
        return assignment;
    }

    public Task<TargetingAttributes> GetTargetingAttributesAsync() => Task.FromResult(State.MergedInto is { } mergedInto
        ? new TargetingAttributes(new Dictionary<string, string>(), mergedInto)
        : new TargetingAttributes(TargetingAttributeBuilder.Build(GrainKey, State, TimeProvider.GetUtcNow())));

    /// <summary>
    /// The trigger settings for this shopper: the store's, with the changes of each variant it is in. With
    /// <paramref name="assign"/> (while tracking a batch, whose append follows) a shopper not yet in a running
    /// trigger experiment is assigned now, so everyone who reaches a trigger's decision point is in the test.
    /// </summary>
    private async ValueTask<TriggerSettings> TriggerSettingsAsync(bool assign)
    {
        var settings = await triggers.Settings.GetAsync();
        var live = await experimentCatalog.GetAsync();
        foreach (var experiment in live.ChangingTriggers)
        {
            var variant = assign
                ? Assign(experiment.Definition, ExperimentAssignmentRequest.FromTriggers).Variant
                : State.Experiments?.Find(experiment.Key)?.Variant;
            if (variant is not null && experiment.OverridesFor(variant)?.Triggers is { } changes)
            {
                settings = TriggerOverrides.Apply(settings, changes);
            }
        }

        return settings;
    }

    /// <summary>The assignment in force, raising an exposure when this version has not been served to the shopper yet.</summary>
    private ExperimentAssignment Assign(ExperimentDefinition experiment, string source)
    {
        var now = TimeProvider.GetUtcNow();
        if (State.Experiments?.Find(experiment.Key) is { } existing)
        {
            var assignedAt = DateTimeOffset.FromUnixTimeMilliseconds(existing.AssignedAt);
            var newVersion = existing.ExposedVersion < experiment.Version;
            if (newVersion)
            {
                RaiseEvent(Exposure(experiment, existing.Variant, existing.AssignedVersion, assignedAt, source, now));
            }

            return new ExperimentAssignment
            {
                Variant = existing.Variant,
                AssignedVersion = existing.AssignedVersion,
                AssignedAt = assignedAt,
                ExposureLogged = newVersion,
            };
        }

        var attributes = TargetingAttributeBuilder.Build(GrainKey, State, now);
        if (ExperimentAssigner.Assign(experiment, GrainKey, attributes, new AssignmentLedger(), now) is not { } chosen)
        {
            return new ExperimentAssignment();
        }

        RaiseEvent(Exposure(experiment, chosen.Variant, experiment.Version, now, source, now));
        return new ExperimentAssignment { Variant = chosen.Variant, AssignedVersion = experiment.Version, AssignedAt = now, ExposureLogged = true };
    }

    private ExperimentExposed Exposure(ExperimentDefinition experiment, string variant, int assignedVersion, DateTimeOffset assignedAt, string source, DateTimeOffset now) => new()
    {
        MessageId = $"exposure:{experiment.Key.ToLowerInvariant()}:{experiment.Version}",
        Timestamp = now,
        ReceivedAt = now,
        UserId = ShopperKey.IsAnonymous(GrainKey) ? State.UserId : ShopperKey.IdOf(GrainKey),
        AnonymousId = ShopperKey.IsAnonymous(GrainKey) ? ShopperKey.IdOf(GrainKey) : null,
        ExperimentKey = experiment.Key,
        Variant = variant,
        AssignedVersion = assignedVersion,
        ExposedVersion = experiment.Version,
        AssignedAt = assignedAt,
        Source = source,
    };
}
