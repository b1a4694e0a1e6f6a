namespace Orleans.Personalization.Runtime.Storage;

/// <summary>A durable reminder: fires at <see cref="DueAt"/>, then every <see cref="Period"/> if it has one.</summary>
public sealed record ReminderEntry(GrainId GrainId, string Name, int Partition, DateTimeOffset DueAt, TimeSpan? Period);
