namespace Orleans.Personalization.Grains.Recommendations.CoOccurrence;

/// <summary>
/// What the projection remembers of one shopper's journal: the views and adds of the current session among the
/// last <see cref="Span"/> events, and the orders among them. It depends only on those events, so it can be
/// rebuilt from the journal at any time and gives exactly what the remembered copy would have (see
/// <see cref="ContributionDeriver"/>).
/// </summary>
internal sealed class StreamWindow
{
    /// <summary>How many of the shopper's latest events (of any type) the window looks at.</summary>
    public const int Span = 100;

    public long LastSequence { get; set; }

    /// <summary>When this silo last used the window (for evicting idle ones).</summary>
    public long LastTouched { get; set; }

    public List<WindowEntry> Entries { get; } = [];

    public List<(long Sequence, string OrderId)> Orders { get; } = [];
}
