using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>
/// The latest committed records of each partition, kept in memory so that the readers that follow the journal
/// (projections, the analytics read model) take new records from here instead of reading them back from SQLite.
/// The writer thread adds records right after their commit, in commit order, so each partition's tail is a
/// contiguous run of its newest records. A partition's floor is the position below which the tail may lack
/// records: a read from before it goes to the database.
/// </summary>
internal sealed class JournalTail(long startPosition, int capacityPerPartition)
{
    private readonly Dictionary<int, Partition> _partitions = [];

    /// <summary>Adds records just committed to one partition, in position order.</summary>
    public void Add(int partition, IReadOnlyList<PartitionRecord> records)
    {
        var tail = TailOf(partition);
        lock (tail)
        {
            tail.Records.AddRange(records);
            var excess = tail.Records.Count - tail.Start - capacityPerPartition;
            if (excess > 0)
            {
                tail.Start += excess;
                tail.Floor = tail.Records[tail.Start - 1].Position;
                if (tail.Start >= capacityPerPartition)
                {
                    // Drop the dropped records at once, not one by one.
                    tail.Records.RemoveRange(0, tail.Start);
                    tail.Start = 0;
                }
            }
        }
    }

    /// <summary>Up to <paramref name="maxCount"/> records after <paramref name="afterPosition"/>, when the tail holds all of them.</summary>
    public bool TryRead(int partition, long afterPosition, int maxCount, out List<PartitionRecord> records)
    {
        var tail = TailOf(partition);
        lock (tail)
        {
            if (afterPosition < tail.Floor)
            {
                records = [];
                return false;
            }

            // The first record after the position, by binary search over the positions (ascending).
            int low = tail.Start, high = tail.Records.Count;
            while (low < high)
            {
                var middle = (low + high) >>> 1;
                if (tail.Records[middle].Position <= afterPosition)
                {
                    low = middle + 1;
                }
                else
                {
                    high = middle;
                }
            }

            records = tail.Records.GetRange(low, Math.Min(maxCount, tail.Records.Count - low));
            return true;
        }
    }

    private Partition TailOf(int partition)
    {
        lock (_partitions)
        {
            if (!_partitions.TryGetValue(partition, out var tail))
            {
                // Every record of this partition above the start position is appended by this process, through Add.
                tail = new Partition { Floor = startPosition };
                _partitions[partition] = tail;
            }

            return tail;
        }
    }

    private sealed class Partition
    {
        public long Floor { get; set; }

        /// <summary>The tail is Records[Start..]; records before Start were dropped and are removed in bulk.</summary>
        public List<PartitionRecord> Records { get; } = [];

        public int Start { get; set; }
    }
}
