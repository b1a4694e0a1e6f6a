namespace Orleans.Personalization.Grains.State;

/// <summary>The last <see cref="MaxEntries"/> distinct entries, latest first by event time.</summary>
public sealed class RecentEntries
{
    public const int MaxEntries = 10;

    public List<RecentEntry> Items { get; set; } = [];

    public void Add(string text, string? detail, long atMs)
    {
        var existing = Items.FindIndex(e => e.Text == text && e.Detail == detail);
        if (existing >= 0)
        {
            if (Items[existing].At > atMs)
            {
                return;
            }

            Items.RemoveAt(existing);
        }

        var position = Items.FindIndex(e => e.At <= atMs);
        Items.Insert(position < 0 ? Items.Count : position, new RecentEntry { Text = text, Detail = detail, At = atMs });
        if (Items.Count > MaxEntries)
        {
            Items.RemoveAt(Items.Count - 1);
        }
    }
}
