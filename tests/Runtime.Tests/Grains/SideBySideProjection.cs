using System.Collections.Concurrent;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.Tests.Grains;

/// <summary>
/// Counts counter-added events like <see cref="StreamCountingProjection"/>, catching up its partitions together.
/// Batches wait while <see cref="Hold"/> is not complete; then, while <see cref="AwaitPartitions"/> is above one,
/// each waits (up to two seconds) until that many partitions are inside <see cref="ProjectAsync"/> at once.
/// <see cref="MostAtOnce"/> records how many were.
/// </summary>
public sealed class SideBySideProjection : IPartitionProjection
{
    private readonly Lock _gate = new();
    private readonly HashSet<int> _inside = [];

    public string Name => "side-by-side-count";

    public bool CatchesUpPartitionsTogether => true;

    public TaskCompletionSource Hold { get; set; } = CompletedHold();

    public int AwaitPartitions { get; set; } = 1;

    public int MostAtOnce { get; private set; }

    public ConcurrentDictionary<string, int> AddedPerStream { get; } = new();

    public ConcurrentBag<(int Partition, long Position)> Delivered { get; } = [];

    public bool Accepts(string eventType) => eventType == "counter-added";

    public static TaskCompletionSource CompletedHold()
    {
        var hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        hold.SetResult();
        return hold;
    }

    public async Task ProjectAsync(int partition, IReadOnlyList<PartitionRecord> records, CancellationToken cancellationToken)
    {
        await Hold.Task.WaitAsync(cancellationToken);
        lock (_gate)
        {
            Assert.True(_inside.Add(partition), $"partition {partition} was handed over twice at once");
            MostAtOnce = Math.Max(MostAtOnce, _inside.Count);
        }

        try
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (MostAtOnce < AwaitPartitions && waited.Elapsed < TimeSpan.FromSeconds(2))
            {
                await Task.Delay(10, cancellationToken);
            }

            foreach (var record in records)
            {
                Delivered.Add((partition, record.Position));
                AddedPerStream.AddOrUpdate(record.StreamId, 1, static (_, n) => n + 1);
            }
        }
        finally
        {
            lock (_gate)
            {
                _inside.Remove(partition);
            }
        }
    }
}
