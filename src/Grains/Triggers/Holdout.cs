using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>
/// The holdout (control) group: a shopper is in it when a hash of its key falls in the first
/// <c>percent</c> of 10,000 buckets. The same shopper is always in the same bucket, on every silo.
/// </summary>
public static class Holdout
{
    public static bool Contains(string shopperKey, double percent)
    {
        if (percent <= 0)
        {
            return false;
        }

        return Bucket(shopperKey) < percent * 100;
    }

    /// <summary>The shopper's bucket, 0–9999.</summary>
    public static int Bucket(string shopperKey)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes("holdout\n" + shopperKey));
        return (int)(BinaryPrimitives.ReadUInt32BigEndian(hash) % 10_000);
    }
}
