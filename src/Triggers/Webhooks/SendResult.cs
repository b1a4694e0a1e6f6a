namespace Orleans.Personalization.Triggers.Webhooks;

/// <summary>The outcome of one HTTP attempt: success, the status code if an answer came, an error text, and how long it took.</summary>
public sealed record SendResult(bool Success, int? StatusCode, string? Error, TimeSpan Duration);
