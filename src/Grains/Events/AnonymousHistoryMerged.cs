namespace Orleans.Personalization.Grains.Events;

/// <summary>
/// The user absorbed an anonymous visitor's history (Segment identify semantics). The events are copied in,
/// so the user's journal alone rebuilds the user's profile.
/// </summary>
public sealed record AnonymousHistoryMerged : ShopperEvent
{
    public required string MergedAnonymousId { get; init; }

    public required IReadOnlyList<ShopperEvent> Events { get; init; }
}
