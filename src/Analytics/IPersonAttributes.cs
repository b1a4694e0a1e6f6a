namespace Orleans.Personalization.Analytics;

/// <summary>Person-level facts a breakdown may group by, keyed by the resolved person id.</summary>
public interface IPersonAttributes
{
    /// <summary>The person's trait value, or null when unknown.</summary>
    string? GetTrait(string personId, string trait);

    /// <summary>The variant the person is assigned in an experiment, or null when not in it.</summary>
    string? GetVariant(string personId, string experimentKey);
}
