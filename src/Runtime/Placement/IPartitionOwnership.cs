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

    /// <summary>The lease of a partition this silo holds (for fencing writes); false when it does not hold it.</summary>
    bool TryGetLocalLease(int partition, [NotNullWhen(true)] out PartitionLease? lease);

    /// <summary>Whether calls for the partition run here: held, and not being handed over.</summary>
    bool IsServing(int partition);

    /// <summary>The silo that held the partition at the last look, or null.</summary>
    string? OwnerOf(int partition);

    /// <summary>The address of a silo from the membership table, or null if unknown.</summary>
    string? SiloAddress(string siloId);

    /// <summary>The membership and lease tables as last read (null before the first read).</summary>
    ClusterSnapshot? LastSnapshot { get; }

    /// <summary>Raised when this silo stops holding a partition (its grains there must stop).</summary>
    event Action<int>? PartitionLost;
}
