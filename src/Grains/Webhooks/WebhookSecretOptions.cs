namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>
/// The key that encrypts webhook signing secrets at rest (section "WebhookSecrets"): the journal and snapshots
/// hold a secret only encrypted with it (AES-256-GCM), never in the clear.
/// </summary>
public sealed class WebhookSecretOptions
{
    public const string SectionName = "WebhookSecrets";

    /// <summary>
    /// 32 random bytes in base64 (<c>openssl rand -base64 32</c>). Required, and the same on every silo, when
    /// silos share PostgreSQL; with embedded storage, a key is made once in <see cref="KeyFile"/> when this is not set.
    /// </summary>
    public string? Key { get; set; }

    /// <summary>Keys used before <see cref="Key"/>: secrets encrypted with them still decrypt, and are encrypted again with the current key when next used.</summary>
    public string[] PreviousKeys { get; set; } = [];

    /// <summary>
    /// Where the key is kept when <see cref="Key"/> is not set: created (readable by its owner only) on first use.
    /// Embedded storage sets it to <c>webhook-secrets.key</c> in its data folder.
    /// </summary>
    public string? KeyFile { get; set; }
}
