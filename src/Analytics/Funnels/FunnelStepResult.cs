namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>
/// One step's figures, counting unique people.
/// </summary>
/// <param name="Index">Zero-based step index.</param>
/// <param name="Label">The step's label or event name; in unordered funnels "Any k of n steps".</param>
/// <param name="Entered">People whose counted attempt reached this step.</param>
/// <param name="Converted">People who went on to the next step; for the last step, equal to <paramref name="Entered"/>.</param>
/// <param name="DroppedOff">People who reached this step and went no further.</param>
/// <param name="ConversionFromFirst">Entered / people who entered the first step.</param>
/// <param name="ConversionFromPrevious">Entered / people who entered the previous step (1 for the first step).</param>
/// <param name="TimeFromPreviousStep">Time from the previous step to this one, over the people who reached it; null for the first step.</param>
public sealed record FunnelStepResult(
    int Index,
    string Label,
    int Entered,
    int Converted,
    int DroppedOff,
    double ConversionFromFirst,
    double ConversionFromPrevious,
    TimeToConvert? TimeFromPreviousStep);
