using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains.Events;

/// <summary>
/// The shopper raised a trigger. It is journaled with (or right after) what caused it, so it is durable
/// exactly when its cause is; the outbox is a projection of these events. The fields beside
/// <see cref="Trigger"/> say which state the trigger used up, so the fold knows not to fire it again.
/// </summary>
public sealed record TriggerRaised : ShopperEvent
{
    public required Trigger Trigger { get; init; }

    /// <summary>Cart abandonment: the cart version it fired for.</summary>
    public long? CartVersion { get; init; }

    /// <summary>Lapsing customer: the last activity (Unix ms) it fired for.</summary>
    public long? LastActivityAt { get; init; }

    /// <summary>Browse abandonment: the products whose views it used up.</summary>
    public IReadOnlyList<string>? Products { get; init; }

    /// <summary>Price drop and back in stock: the catalog change it answered.</summary>
    public string? ChangeId { get; init; }
}
