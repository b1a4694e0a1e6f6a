using System.Diagnostics.CodeAnalysis;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.Placement;

/// <summary>Which partitions this silo holds (with their fencing tokens) and who holds the others.</summary>
public interface IPartitionOwnership
{
    /// <summary>The id of this silo.</summary>
    string LocalSiloId { get; }

    /// <summary>The partitions this silo holds right now.</summary>
    IReadOnlyCollection<int> LocalPartitions { get; }

    /// <summary>The lease of a partition this silo holds; false when another silo (or nobody) holds it.</summary>
    bool TryGetLocalLease(int partition, [NotNullWhen(true)] out PartitionLease? lease);

    /// <summary>The silo that held the partition at the last look, or null.</summary>
    string? OwnerOf(int partition);

    /// <summary>Raised when this silo loses a partition (its grains there must stop).</summary>
    event Action<int>? PartitionLost;
}
