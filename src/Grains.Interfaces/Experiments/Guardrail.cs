namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>
/// A metric a variant must not harm: the share of exposed shoppers who do <paramref name="Event"/> after exposure.
/// It fails when the always-valid test shows the variant significantly worse than the control in the direction
/// <paramref name="FailWhen"/> names (for example "Product Removed" failing on an increase).
/// </summary>
public sealed record Guardrail(string Event, GuardrailDirection FailWhen);
