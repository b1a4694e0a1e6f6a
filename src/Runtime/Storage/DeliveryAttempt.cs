namespace Orleans.Personalization.Runtime.Storage;

/// <summary>One logged attempt: when, how long it took, the HTTP status (if an answer came) and the error (if any).</summary>
public sealed record DeliveryAttempt(long Sequence, int Attempt, DateTimeOffset At, TimeSpan Duration, int? StatusCode, string? Error);
