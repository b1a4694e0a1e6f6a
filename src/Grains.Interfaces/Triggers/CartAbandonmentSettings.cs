namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>Cart abandonment: a non-empty cart and no activity for <see cref="Delay"/>.</summary>
public sealed record CartAbandonmentSettings
{
    public bool Enabled { get; init; } = true;

    public TimeSpan Delay { get; init; } = TimeSpan.FromMinutes(30);
}
