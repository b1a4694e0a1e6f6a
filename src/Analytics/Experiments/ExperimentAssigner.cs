namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>Chooses variants: deterministic by hashing, sticky through the ledger.</summary>
public static class ExperimentAssigner
{
    /// <summary>
    /// The shopper's assignment, recording a new one in the ledger when needed. A shopper already in the
    /// ledger keeps their variant whatever the current weights or targeting say. Returns null when the
    /// shopper is not targeted or falls outside the experiment's traffic. Pass the resolved person id.
    /// </summary>
    public static Assignment? Assign(
        ExperimentDefinition experiment,
        string personId,
        IReadOnlyDictionary<string, string>? attributes,
        AssignmentLedger ledger,
        DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(ledger);
        if (ledger.Find(personId, experiment.Key) is { } existing)
        {
            return existing;
        }

        if (!Targeting.Matches(experiment.Targeting, attributes) || Choose(experiment, personId) is not { } variant)
        {
            return null;
        }

        return ledger.Record(new Assignment(experiment.Key, personId, variant, experiment.Version, now));
    }

    /// <summary>
    /// The variant hashing gives a shopper under this version, ignoring the ledger and targeting; null when
    /// the shopper falls outside the traffic share. The traffic bucket and the variant bucket are hashed
    /// separately so that widening traffic does not skew the split.
    /// </summary>
    public static string? Choose(ExperimentDefinition experiment, string personId)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        if (!StableBucket.IsWithin(StableBucket.Of("traffic", experiment.Key, personId), experiment.TrafficPercent))
        {
            return null;
        }

        var bucket = StableBucket.Of("variant", experiment.Key, personId);
        var upper = 0;
        foreach (var variant in experiment.Variants)
        {
            upper += variant.Weight * (StableBucket.Count / 100);
            if (bucket < upper)
            {
                return variant.Key;
            }
        }

        return null;
    }
}
