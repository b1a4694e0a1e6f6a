using System.Text.Json;

namespace Orleans.Personalization.Grains.Interfaces.Messages;

/// <summary>
/// A validated Segment message, normalized: ids as strings, the skew-corrected timestamp, and the original
/// properties or traits kept as JSON for everything downstream (analytics reads them).
/// </summary>
public sealed record TrackedMessage
{
    public required string MessageId { get; init; }

    public required MessageKind Kind { get; init; }

    /// <summary>The event name of a track call ("Product Viewed"); the page or screen name for page calls.</summary>
    public string? Name { get; init; }

    public string? UserId { get; init; }

    public string? AnonymousId { get; init; }

    /// <summary>The earlier id of an alias call.</summary>
    public string? PreviousId { get; init; }

    /// <summary>When it happened: receivedAt − (sentAt − originalTimestamp) when the client sent both.</summary>
    public required DateTimeOffset Timestamp { get; init; }

    /// <summary>When the service received it.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    public MessageContext? Context { get; init; }

    /// <summary>track and page properties, as sent.</summary>
    public JsonElement? Properties { get; init; }

    /// <summary>identify and group traits, as sent.</summary>
    public JsonElement? Traits { get; init; }
}
