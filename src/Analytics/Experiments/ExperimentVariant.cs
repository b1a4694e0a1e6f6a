namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>A variant and its share of new assignments, in whole percent.</summary>
public sealed record ExperimentVariant(string Key, int Weight);
