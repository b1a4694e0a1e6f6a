namespace Orleans.Personalization.Api.Ingestion;

/// <summary>The shape of a Segment batch, for the OpenAPI document.</summary>
public sealed record SegmentBatchRequest(IReadOnlyList<SegmentMessageRequest> Batch, DateTimeOffset? SentAt, string? WriteKey);
