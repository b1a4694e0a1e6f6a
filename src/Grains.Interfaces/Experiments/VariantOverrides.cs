namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>
/// What a variant changes for the shoppers assigned to it: strategy weights per recommendation placement
/// (placement name → strategy name → weight, replacing the configured weights of that placement) and trigger
/// settings (section name such as "cartAbandonment" → the fields it changes).
/// </summary>
public sealed record VariantOverrides(string Variant)
{
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, double>>? Recommendations { get; init; }

    public IReadOnlyDictionary<string, TriggerOverride>? Triggers { get; init; }
}
