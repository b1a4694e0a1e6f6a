using System.Security.Cryptography;
using System.Text;

namespace Orleans.Personalization.Triggers.Webhooks;

/// <summary>
/// How deliveries are signed, in the manner of Stripe and Svix: <c>Webhook-Signature: v1=</c> followed by
/// the lower-case hex HMAC-SHA256, keyed with the subscription's secret, of <c>"{Webhook-Timestamp}.{body}"</c>.
/// A receiver recomputes it over the raw body, compares in constant time, and refuses old timestamps.
/// </summary>
public static class WebhookSignature
{
    public const string IdHeader = "Webhook-Id";
    public const string TimestampHeader = "Webhook-Timestamp";
    public const string SignatureHeader = "Webhook-Signature";
    public const string AttemptHeader = "Webhook-Attempt";
    public const string Version = "v1";

    /// <summary>The <c>Webhook-Signature</c> value for a body sent at <paramref name="timestamp"/> (Unix seconds).</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        hmac.AppendData(Encoding.UTF8.GetBytes($"{timestamp}."));
        hmac.AppendData(body);
        return $"{Version}={Convert.ToHexStringLower(hmac.GetHashAndReset())}";
    }

    /// <summary>What a receiver checks: the signature matches and the timestamp is within <paramref name="tolerance"/> of now.</summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, out var timestamp) || signatureHeader is null
            || (now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader.Trim()));
    }
}
