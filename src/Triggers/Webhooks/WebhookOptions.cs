using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Triggers.Webhooks;

/// <summary>Settings of webhook delivery (section "Webhooks").</summary>
public sealed class WebhookOptions
{
    public const string SectionName = "Webhooks";

    /// <summary>Attempts before a delivery becomes a dead letter, unless a subscription sets its own.</summary>
    [Range(1, 50)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits about this long; each later one twice as long (with jitter), up to <see cref="RetryMaxDelay"/>.</summary>
    [Range(typeof(TimeSpan), "00:00:00.001", "01:00:00")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(5);

    [Range(typeof(TimeSpan), "00:00:00.001", "1.00:00:00")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>A receiver that has not answered within this time has failed the attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:05:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Requests in flight to one subscription at most. Triggers of one shopper go one at a time, in order;
    /// different shoppers' triggers go in parallel up to this limit.
    /// </summary>
    [Range(1, 256)]
    public int MaxConcurrentRequests { get; set; } = 8;

    /// <summary>Pending deliveries one subscription's worker holds in memory at most; the rest wait in storage.</summary>
    [Range(100, 1_000_000)]
    public int MaxPendingInMemory { get; set; } = 10_000;

    /// <summary>
    /// Refuse URLs that are, or resolve to, loopback, private, link-local or otherwise internal addresses
    /// (checked when a subscription is saved and again at every connection). On for hosted deployments;
    /// the Development settings turn it off so a receiver on localhost works.
    /// </summary>
    public bool DenyPrivateNetworks { get; set; } = true;

    /// <summary>When not empty, only these hosts may receive webhooks ("hooks.example.com", or "*.example.com" for subdomains).</summary>
    public string[] AllowedHosts { get; set; } = [];

    /// <summary>How often each silo re-reads the list of subscriptions (changes made on this silo apply at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(5);
}
