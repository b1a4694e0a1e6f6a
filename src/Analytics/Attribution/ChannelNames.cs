namespace Orleans.Personalization.Analytics.Attribution;

/// <summary>Names channels as web analytics does: UTM fields first, the referrer when there are none.</summary>
internal static class ChannelNames
{
    /// <summary>The channel of a visit, or null when the visit was direct.</summary>
    public static string? Of(TrafficSource? source, ChannelDimension dimension)
    {
        if (source is null || source.IsDirect)
        {
            return null;
        }

        var name = NonEmpty(source.Source) ?? source.ReferrerHost!;
        var medium = NonEmpty(source.Medium) ?? (NonEmpty(source.Source) is null ? "referral" : "(none)");
        return dimension switch
        {
            ChannelDimension.Source => name,
            ChannelDimension.SourceMedium => $"{name} / {medium}",
            ChannelDimension.SourceMediumCampaign => $"{name} / {medium} / {NonEmpty(source.Campaign) ?? "(not set)"}",
            ChannelDimension.Campaign => NonEmpty(source.Campaign) ?? "(not set)",
            _ => source.ReferrerHost ?? "(none)",
        };
    }

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
