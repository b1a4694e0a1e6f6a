namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>Which change of a guardrail metric is harm.</summary>
public enum GuardrailDirection
{
    Decrease,
    Increase,
}
