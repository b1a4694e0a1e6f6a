namespace Orleans.Personalization.Grains.State;

/// <summary>A category's interest weight as of <see cref="AsOf"/> (Unix ms).</summary>
public sealed class CategoryWeight
{
    public string Category { get; set; } = "";

    public double Weight { get; set; }

    public long AsOf { get; set; }
}
