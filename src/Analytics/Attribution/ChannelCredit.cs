namespace Orleans.Personalization.Analytics.Attribution;

/// <summary>What a channel is credited with: fractional conversions and the matching share of revenue.</summary>
public sealed record ChannelCredit(string Channel, double Conversions, decimal Revenue);
