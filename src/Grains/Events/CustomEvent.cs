namespace Orleans.Personalization.Grains.Events;

/// <summary>A track call whose name has no meaning to the profile; kept whole, never rejected.</summary>
public sealed record CustomEvent : ShopperEvent
{
    public required string Name { get; init; }
}
