using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>One attempt: when, how long, the receiver's status code (if it answered) and the error (if any).</summary>
public sealed record DeliveryAttemptView(int Attempt, DateTimeOffset At, double DurationMs, int? StatusCode, string? Error)
{
    public static DeliveryAttemptView From(DeliveryAttempt attempt) =>
        new(attempt.Attempt, attempt.At, Math.Round(attempt.Duration.TotalMilliseconds, 1), attempt.StatusCode, attempt.Error);
}
