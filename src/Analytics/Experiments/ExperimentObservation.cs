namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>What one exposed shopper did after their first exposure.</summary>
/// <param name="PersonId">The resolved person.</param>
/// <param name="Variant">The variant of their first exposure.</param>
/// <param name="Version">The experiment version they were assigned under.</param>
/// <param name="Orders">Orders placed at or after the first exposure.</param>
/// <param name="Revenue">Revenue of those orders.</param>
public sealed record ExperimentObservation(string PersonId, string Variant, int Version, int Orders, double Revenue)
{
    public bool Converted => Orders > 0;
}
