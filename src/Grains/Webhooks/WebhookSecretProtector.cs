using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>
/// Encrypts webhook signing secrets for the journal and snapshots, and decrypts them for signing. A protected secret
/// reads <c>v1:{key id}:{base64 of nonce, ciphertext and tag}</c> (AES-256-GCM); the subscription's id is
/// authenticated with it, so a protected secret copied to another subscription does not decrypt.
/// </summary>
public sealed class WebhookSecretProtector
{
    private const string Version = "v1";
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private readonly Lazy<(WebhookSecretKey Current, IReadOnlyDictionary<string, WebhookSecretKey> All)> _keys;

    public WebhookSecretProtector(IOptions<WebhookSecretOptions> options)
    {
        var settings = options.Value;
        _keys = new Lazy<(WebhookSecretKey, IReadOnlyDictionary<string, WebhookSecretKey>)>(() => Load(settings));
    }

    /// <summary>The id of the key new secrets are encrypted with.</summary>
    public string CurrentKeyId => _keys.Value.Current.Id;

    public string Protect(string subscriptionId, string secret)
    {
        var key = _keys.Value.Current;
        var plain = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceLength + plain.Length + TagLength];
        var nonce = sealedBytes.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key.Bytes, TagLength);
        aes.Encrypt(nonce, plain, sealedBytes.AsSpan(NonceLength, plain.Length), sealedBytes.AsSpan(NonceLength + plain.Length), Encoding.UTF8.GetBytes(subscriptionId));
        return $"{Version}:{key.Id}:{Convert.ToBase64String(sealedBytes)}";
    }

    /// <summary>The secret, or an <see cref="InvalidOperationException"/> saying why it cannot be read.</summary>
    public string Unprotect(string subscriptionId, string protectedSecret)
    {
        var parts = protectedSecret.Split(':');
        byte[] sealedBytes;
        try
        {
            sealedBytes = parts is [Version, _, var data] ? Convert.FromBase64String(data) : [];
        }
        catch (FormatException)
        {
            sealedBytes = [];
        }

        if (sealedBytes.Length < NonceLength + TagLength)
        {
            throw new InvalidOperationException($"Webhook {subscriptionId}'s stored secret is not in a form this version reads.");
        }

        if (!_keys.Value.All.TryGetValue(parts[1], out var key))
        {
            throw new InvalidOperationException(
                $"Webhook {subscriptionId}'s secret was encrypted with key {parts[1]}, which is neither {WebhookSecretOptions.SectionName}:Key "
                + $"nor one of {WebhookSecretOptions.SectionName}:PreviousKeys (the current key is {CurrentKeyId}).");
        }

        var length = sealedBytes.Length - NonceLength - TagLength;
        var plain = new byte[length];
        try
        {
            using var aes = new AesGcm(key.Bytes, TagLength);
            aes.Decrypt(sealedBytes.AsSpan(0, NonceLength), sealedBytes.AsSpan(NonceLength, length), sealedBytes.AsSpan(NonceLength + length), plain, Encoding.UTF8.GetBytes(subscriptionId));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new InvalidOperationException($"Webhook {subscriptionId}'s stored secret does not decrypt with key {key.Id}: it was altered or belongs to another subscription.");
        }

        return Encoding.UTF8.GetString(plain);
    }

    /// <summary>Whether a protected secret is encrypted with the current key (if not, it is encrypted again when next used).</summary>
    public bool IsCurrent(string protectedSecret) =>
        protectedSecret.StartsWith($"{Version}:{CurrentKeyId}:", StringComparison.Ordinal);

    private static (WebhookSecretKey, IReadOnlyDictionary<string, WebhookSecretKey>) Load(WebhookSecretOptions settings)
    {
        var current = WebhookSecretKey.TryParse(settings.Key)
            ?? (string.IsNullOrEmpty(settings.Key) && !string.IsNullOrEmpty(settings.KeyFile)
                ? WebhookSecretKeyFile.ReadOrCreate(settings.KeyFile)
                : throw new InvalidOperationException(
                    $"Webhook secrets cannot be encrypted: set {WebhookSecretOptions.SectionName}:Key (32 bytes in base64) or {WebhookSecretOptions.SectionName}:KeyFile."));
        var all = new Dictionary<string, WebhookSecretKey>(StringComparer.Ordinal) { [current.Id] = current };
        foreach (var previous in settings.PreviousKeys)
        {
            if (WebhookSecretKey.TryParse(previous) is { } key)
            {
                all.TryAdd(key.Id, key);
            }
        }

        return (current, all);
    }
}
