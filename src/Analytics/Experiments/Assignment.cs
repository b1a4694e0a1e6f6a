namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>A shopper's place in an experiment: the variant and the experiment version it was chosen under.</summary>
public sealed record Assignment(string ExperimentKey, string PersonId, string Variant, int Version, DateTimeOffset AssignedAt);
