namespace Orleans.Personalization.Grains.Events;

/// <summary>A Segment page (or screen) call.</summary>
public sealed record PageViewed : ShopperEvent
{
    public string? Name { get; init; }

    public string? Category { get; init; }

    public bool IsScreen { get; init; }
}
