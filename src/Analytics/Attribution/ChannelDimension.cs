namespace Orleans.Personalization.Analytics.Attribution;

/// <summary>What a channel is: which UTM fields, or the referrer, name it.</summary>
public enum ChannelDimension
{
    /// <summary>utm_source, or the referrer's host when there is no UTM source.</summary>
    Source,

    /// <summary>"source / medium"; referrer-only visits have medium "referral".</summary>
    SourceMedium,

    /// <summary>"source / medium / campaign".</summary>
    SourceMediumCampaign,

    /// <summary>utm_campaign.</summary>
    Campaign,

    /// <summary>The referrer's host.</summary>
    Referrer,
}
