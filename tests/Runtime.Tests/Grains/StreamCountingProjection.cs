using System.Collections.Concurrent;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Runtime.Tests.Grains;

/// <summary>Counts counter-added events per stream, and every record it was handed (to see redelivery).</summary>
public sealed class StreamCountingProjection : IPartitionProjection
{
    public string Name => "stream-count";

    public ConcurrentDictionary<string, int> AddedPerStream { get; } = new();

    public ConcurrentBag<(int Partition, long Position)> Delivered { get; } = [];

    public bool Accepts(string eventType) => eventType == "counter-added";

    public Task ProjectAsync(int partition, IReadOnlyList<PartitionRecord> records, CancellationToken cancellationToken)
    {
        foreach (var record in records)
        {
            Delivered.Add((partition, record.Position));
            AddedPerStream.AddOrUpdate(record.StreamId, 1, static (_, n) => n + 1);
        }

        return Task.CompletedTask;
    }
}
