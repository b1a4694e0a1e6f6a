namespace Orleans.Personalization.Runtime;

/// <summary>What a reminder delivery knows: when it was due and when it actually fired.</summary>
public readonly record struct ReminderTick(DateTimeOffset DueAt, DateTimeOffset FiredAt, TimeSpan? Period);
