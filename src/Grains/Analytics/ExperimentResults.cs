using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>An experiment's results: the analysis of the primary metric, the guardrails, and the alerts they call for.</summary>
public sealed record ExperimentResults(
    ExperimentReport Report,
    string ConversionEvent,
    IReadOnlyList<GuardrailResult> Guardrails,
    IReadOnlyList<ExperimentAlert> Alerts);
