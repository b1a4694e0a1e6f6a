using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Personalization.Analytics.Experiments;

/// <summary>
/// Deterministic buckets from 0 to 9,999 for (purpose, key, person): the first eight bytes of SHA-256 over
/// the UTF-8 text "{purpose}:{key.Length}:{key}:{personId}", read big-endian, modulo 10,000. SHA-256 is the
/// same on every silo, process and platform (string.GetHashCode is randomised per process), and the length
/// prefix keeps ("a:b", "c") and ("a", "b:c") apart. The modulo bias, 2⁶⁴ mod 10⁴ over 2⁶⁴, is negligible.
/// </summary>
public static class StableBucket
{
    public const int Count = 10_000;

    public static int Of(string purpose, string key, string personId)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(personId);
        var text = $"{purpose}:{key.Length}:{key}:{personId}";
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), hash);
        return (int)(BinaryPrimitives.ReadUInt64BigEndian(hash) % Count);
    }

    /// <summary>Whether a bucket falls inside a percentage; raising the percentage only ever adds buckets.</summary>
    internal static bool IsWithin(int bucket, double percent) => bucket < (int)Math.Round(percent * (Count / 100));
}
