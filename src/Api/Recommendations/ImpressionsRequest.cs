namespace Orleans.Personalization.Api.Recommendations;

/// <summary>The body of an impressions report (for the OpenAPI document).</summary>
public sealed record ImpressionsRequest(string? UserId, string? AnonymousId, IReadOnlyList<string> ProductIds, string? MessageId, DateTimeOffset? Timestamp);
