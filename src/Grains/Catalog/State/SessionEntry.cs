namespace Orleans.Personalization.Grains.Catalog.State;

/// <summary>A recent session that viewed the product: its key, latest view time, and distinct viewed products (oldest first).</summary>
public sealed class SessionEntry
{
    public long Key { get; set; }

    public long LastAtMs { get; set; }

    public string[] Items { get; set; } = [];
}
