namespace Orleans.Personalization.Analytics;

/// <summary>Where a visit came from: UTM campaign fields and the referring URL.</summary>
public sealed record TrafficSource(string? Source, string? Medium, string? Campaign, string? Referrer = null)
{
    /// <summary>True when neither a UTM source nor a referrer is known: a direct visit.</summary>
    public bool IsDirect => string.IsNullOrEmpty(Source) && string.IsNullOrEmpty(ReferrerHost);

    /// <summary>The referrer's host name ("www.google.com"), or the raw referrer when it is not a URL.</summary>
    public string? ReferrerHost =>
        string.IsNullOrEmpty(Referrer) ? null
        : Uri.TryCreate(Referrer, UriKind.Absolute, out var uri) ? uri.Host
        : Referrer;
}
