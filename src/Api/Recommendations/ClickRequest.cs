namespace Orleans.Personalization.Api.Recommendations;

/// <summary>The body of a click report (for the OpenAPI document).</summary>
public sealed record ClickRequest(string? UserId, string? AnonymousId, string ProductId, int? Position, string? MessageId, DateTimeOffset? Timestamp);
