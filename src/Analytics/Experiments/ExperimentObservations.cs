namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>The exposed shoppers of one experiment, and how many of them were exposed to more than one variant.</summary>
public sealed record ExperimentObservations(IReadOnlyList<ExperimentObservation> Shoppers, int CrossoverShoppers = 0);
