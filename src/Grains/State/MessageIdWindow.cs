using System.IO.Hashing;
using System.Text;
using System.Text.Json.Serialization;

namespace Orleans.Personalization.Grains.State;

/// <summary>
/// The messageIds this shopper absorbed in the last 24 hours (by receipt time), for de-duplicating retries.
/// Memory is bounded: ids are kept as 64-bit XxHash64 values (8 bytes, not a 36-character string), ids older
/// than the window are dropped, and at most <see cref="MaxIds"/> are kept per shopper. A shopper sending
/// more than that in a day (a bot) has its oldest ids forgotten early. Two different ids colliding in 64
/// bits among 10,000 has a probability near 3·10⁻¹², which would drop one event.
/// </summary>
public sealed class MessageIdWindow
{
    public const int MaxIds = 10_000;
    public static readonly long WindowMilliseconds = (long)TimeSpan.FromHours(24).TotalMilliseconds;

    /// <summary>From this many ids on, lookups go through a hash set.</summary>
    public const int IndexedFrom = 64;

    private HashSet<long>? _index;

    /// <summary>Hashes in the order received.</summary>
    public List<long> Hashes { get; set; } = [];

    /// <summary>Receipt times (Unix ms), parallel to <see cref="Hashes"/>.</summary>
    public List<long> ReceivedAt { get; set; } = [];

    /// <summary>The latest receipt time seen (Unix ms): the window ends here.</summary>
    public long Newest { get; set; }

    [JsonIgnore]
    public int Count => Hashes.Count;

    public bool Contains(string messageId) => Contains(HashOf(messageId));

    public void Add(string messageId, long receivedAtMs)
    {
        var hash = HashOf(messageId);
        if (Contains(hash))
        {
            return;
        }

        _index?.Add(hash);
        Hashes.Add(hash);
        ReceivedAt.Add(receivedAtMs);
        Newest = Math.Max(Newest, receivedAtMs);
        var expired = 0;
        while (expired < Hashes.Count && (Hashes.Count - expired > MaxIds || ReceivedAt[expired] < Newest - WindowMilliseconds))
        {
            _index?.Remove(Hashes[expired]);
            expired++;
        }

        if (expired > 0)
        {
            Hashes.RemoveRange(0, expired);
            ReceivedAt.RemoveRange(0, expired);
        }
    }

    /// <summary>
    /// A shopper with few ids (most of them) is searched linearly, which costs no index memory; past
    /// <see cref="IndexedFrom"/> ids a hash set is kept beside the list.
    /// </summary>
    private bool Contains(long hash)
    {
        if (_index is null && Hashes.Count > IndexedFrom)
        {
            _index = [.. Hashes];
        }

        return _index?.Contains(hash) ?? Hashes.Contains(hash);
    }

    private static long HashOf(string messageId)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(messageId.Length);
        Span<byte> buffer = maxBytes <= 1024 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(messageId, buffer);
        return (long)XxHash64.HashToUInt64(buffer[..length]);
    }
}
