using System.Security.Cryptography;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>A 256-bit key and its id: the first 4 bytes of its SHA-256, in hex, so a stored secret names the key it needs without revealing it.</summary>
internal sealed record WebhookSecretKey(string Id, byte[] Bytes)
{
    public const int Length = 32;

    public static WebhookSecretKey? TryParse(string? base64)
    {
        var bytes = new byte[Length];
        return Convert.TryFromBase64String(base64?.Trim() ?? "", bytes, out var written) && written == Length ? From(bytes) : null;
    }

    public static WebhookSecretKey From(byte[] bytes) => new(Convert.ToHexStringLower(SHA256.HashData(bytes).AsSpan(0, 4)), bytes);
}
