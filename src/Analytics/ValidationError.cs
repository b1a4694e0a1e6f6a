namespace Orleans.Personalization.Analytics;

/// <summary>A problem with one field of a definition; <paramref name="Field"/> is a JSON path such as "steps[2].event".</summary>
public sealed record ValidationError(string Field, string Message);
