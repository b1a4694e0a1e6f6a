namespace Orleans.Personalization.Grains.State;

/// <summary>A search query, or a filter's type and value, with its time (Unix ms).</summary>
public sealed class RecentEntry
{
    public string Text { get; set; } = "";

    public string? Detail { get; set; }

    public long At { get; set; }
}
