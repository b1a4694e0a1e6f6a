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

    public int PartitionOf(GrainId grainId) => PartitionOf(grainId.ToString());

    public int PartitionOf(string streamId)
    {
        var maxBytes = Encoding.UTF8.GetMaxByteCount(streamId.Length);
        Span<byte> buffer = maxBytes <= 512 ? stackalloc byte[maxBytes] : new byte[maxBytes];
        var length = Encoding.UTF8.GetBytes(streamId, buffer);
        return (int)(XxHash32.HashToUInt32(buffer[..length]) % (uint)PartitionCount);
    }
}
