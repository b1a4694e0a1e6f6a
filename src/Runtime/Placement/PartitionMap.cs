using System.IO.Hashing;
using System.Text;

namespace Orleans.Personalization.Runtime.Placement;

/// <summary>
/// Grain id → partition. The hash is XxHash32 of the UTF-8 id: stable across processes, machines and
/// .NET versions (unlike string.GetHashCode), which the partitioned log depends on.
/// </summary>
public sealed class PartitionMap(int partitionCount)
{
    public int PartitionCount { get; } = partitionCount > 0
        ? partitionCount
        : throw new ArgumentOutOfRangeException(nameof(partitionCount));

    /// <summary>The partition of the grain's stream id ("type/key"), hashed without building that string.</summary>
    public int PartitionOf(GrainId grainId)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(grainId.Type.Length + 1 + grainId.Key.Length);
        Span<byte> buffer = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(grainId.Type, buffer);
        buffer[length++] = (byte)'/';
        length += Encoding.UTF8.GetBytes(grainId.Key, buffer[length..]);
        return Hash(buffer[..length]);
    }

    public int PartitionOf(string streamId)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(streamId.Length);
        Span<byte> buffer = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(streamId, buffer);
        return Hash(buffer[..length]);
    }

    private int Hash(ReadOnlySpan<byte> utf8) => (int)(XxHash32.HashToUInt32(utf8) % (uint)PartitionCount);
}
