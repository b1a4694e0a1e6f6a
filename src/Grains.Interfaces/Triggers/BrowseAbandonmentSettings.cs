namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>
/// Browse abandonment: a product viewed at least <see cref="MinViews"/> times within <see cref="Window"/>,
/// never added to the cart, and no activity for <see cref="Delay"/> after that.
/// </summary>
public sealed record BrowseAbandonmentSettings
{
    /// <summary>The most views counted per product; <see cref="MinViews"/> cannot exceed it.</summary>
    public const int MaxMinViews = 10;

    public bool Enabled { get; init; } = true;

    public int MinViews { get; init; } = 3;

    public TimeSpan Window { get; init; } = TimeSpan.FromDays(1);

    public TimeSpan Delay { get; init; } = TimeSpan.FromMinutes(30);
}
