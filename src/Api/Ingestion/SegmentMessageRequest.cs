using System.Text.Json;

namespace Orleans.Personalization.Api.Ingestion;

/// <summary>The shape of one Segment message, for the OpenAPI document (the handler reads the JSON itself).</summary>
public sealed record SegmentMessageRequest(
    string? Type,
    string? MessageId,
    string? UserId,
    string? AnonymousId,
    string? Event,
    string? Name,
    string? PreviousId,
    string? GroupId,
    JsonElement? Properties,
    JsonElement? Traits,
    JsonElement? Context,
    DateTimeOffset? Timestamp,
    DateTimeOffset? OriginalTimestamp,
    DateTimeOffset? SentAt,
    string? WriteKey);
