namespace Orleans.Personalization.Analytics.Attribution;

/// <summary>
/// Credit per channel, ordered by revenue then conversions then name. Credits add up to the totals; a
/// conversion with no touch in its lookback window goes to <see cref="Direct"/>.
/// </summary>
public sealed record AttributionReport(AttributionModel Model, IReadOnlyList<ChannelCredit> Channels, int TotalConversions, decimal TotalRevenue)
{
    public const string Direct = "(direct)";
}
