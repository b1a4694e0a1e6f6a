namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>Two ids of one person had been assigned different variants before they merged; the earlier assignment is kept.</summary>
public sealed record AssignmentConflict(string ExperimentKey, string PersonId, Assignment Kept, Assignment Dropped);
