using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Popularity;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.EventSourcing;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Grains.Recommendations.CoOccurrence;

/// <summary>
/// Feeds products' co-occurrence vectors and the popularity rankings from the shoppers' journal (ARCHITECTURE D2).
/// <para>
/// Reading and applying are decoupled to bound write amplification: records handed over by the projection
/// runner become contributions in memory, and a flush (every <see cref="CoOccurrenceOptions.FlushInterval"/>
/// under load) gives each touched product one delivery, which it journals as one event. Exactly once: each
/// contribution carries the (partition, position) of the shopper event behind it and a product drops those at or
/// below its watermark; after all products of a flush confirmed, the "co-occurrence.applied" checkpoint of each
/// partition moves (fenced by the partition lease). When this silo takes a partition (at start, after a crash,
/// on failover) it drops what it held for it and reads the log again from that applied checkpoint, so nothing the
/// runner's own checkpoint skipped is lost, and nothing is counted twice.
/// </para>
/// </summary>
public sealed class CoOccurrenceProjection(
    IGrainFactory grains,
    IJournalStore journal,
    IProjectionCheckpointStore checkpoints,
    IPartitionOwnership ownership,
    PopularityCache popularity,
    IOptions<CoOccurrenceOptions> options,
    TimeProvider timeProvider,
    ILogger<CoOccurrenceProjection> logger) : IPartitionProjection, IDisposable
{
    public const string ProjectionName = "co-occurrence";
    public const string AppliedCheckpointName = "co-occurrence.applied";
    private const string ShopperStreamPrefix = "user/";
    private const int ReadBatch = 1000;
    private const int CallWave = 4096;
    private const int MaxRememberedCounters = 1_000_000;

    // Every shopper event type is read (so a shopper's records arrive without gaps in their sequence); only these change products.
    private static readonly FrozenSet<string> ShopperEventTypes = JournalEventTypeNames.All<ShopperEvent>().ToFrozenSet(StringComparer.Ordinal);
    private static readonly FrozenSet<string> ProductEventTypes = FrozenSet.Create(StringComparer.Ordinal, "product-viewed", "product-added", "order-completed");

    private readonly CoOccurrenceOptions _options = options.Value;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly ContributionBuffer _buffer = new();
    private readonly StreamWindows _windows = new(options.Value.MaxCachedShoppers);
    private readonly Dictionary<int, long> _resumedEpochs = [];
    private readonly ConcurrentDictionary<string, ProductCounters> _counters = new(StringComparer.Ordinal);
    private long _lastFlush = timeProvider.GetTimestamp();
    private long _lastInput = timeProvider.GetTimestamp();

    public string Name => ProjectionName;

    /// <summary>Contributions read but not applied yet.</summary>
    public int PendingContributions => _buffer.Count;

    /// <summary>
    /// Test seam: runs after products and popularity applied a flush and before the applied checkpoints move, so
    /// a test can fail there, as a crash between the two steps would.
    /// </summary>
    internal Func<Task>? AfterProductsApplied { get; set; }

    public bool Accepts(string eventType) => _options.Enabled && ShopperEventTypes.Contains(eventType);

    public async Task ProjectAsync(int partition, IReadOnlyList<PartitionRecord> records, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!await ResumeAsync(partition, records[0].Position - 1, cancellationToken))
            {
                return;
            }

            foreach (var record in records)
            {
                await HandleAsync(partition, record, cancellationToken);
            }

            _lastInput = timeProvider.GetTimestamp();
            if (_options.FlushInterval == TimeSpan.Zero
                || _buffer.Count >= _options.MaxPendingContributions
                || timeProvider.GetElapsedTime(_lastFlush) >= _options.FlushInterval)
            {
                await TryFlushAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Applies everything pending now; throws if a product could not apply its part (it stays pending).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await FlushCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Takes up every partition this silo holds but has not resumed yet (reading the log from its applied
    /// checkpoint up to what the runner has read), then flushes. After a crash nothing new may ever arrive in a
    /// partition, so this is what brings its last events in.
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            await ResumeAllAsync(cancellationToken);
            await FlushCoreAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The background loop's step: resume new partitions, flush when due. Skips if a batch is being handled.</summary>
    public async Task TickAsync(CancellationToken cancellationToken)
    {
        if (!await _gate.WaitAsync(0, cancellationToken))
        {
            return;
        }

        try
        {
            await ResumeAllAsync(cancellationToken);
            var due = timeProvider.GetElapsedTime(_lastFlush) >= _options.FlushInterval
                || timeProvider.GetElapsedTime(_lastInput) >= _options.IdleFlushDelay;
            if (due && (_buffer.Count > 0 || HasUnwrittenCheckpoints()))
            {
                await TryFlushAsync(cancellationToken);
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task ResumeAllAsync(CancellationToken cancellationToken)
    {
        foreach (var partition in ownership.LocalPartitions)
        {
            await ResumeAsync(partition, long.MaxValue, cancellationToken);
        }
    }

    /// <summary>
    /// Makes sure the partition was taken up under its current lease: if not, forgets what was pending for it and
    /// reads the log from its applied checkpoint up to the runner's checkpoint (at most <paramref name="readUpTo"/>).
    /// False if this silo does not hold the partition.
    /// </summary>
    private async Task<bool> ResumeAsync(int partition, long readUpTo, CancellationToken cancellationToken)
    {
        if (!ownership.TryGetLocalLease(partition, out var lease))
        {
            return false;
        }

        if (_resumedEpochs.TryGetValue(partition, out var epoch) && epoch == lease.Epoch)
        {
            return true;
        }

        _buffer.DropPartition(partition);
        _windows.DropPartition(partition);
        var applied = await checkpoints.ReadAsync(AppliedCheckpointName, partition, cancellationToken);
        var read = Math.Min(readUpTo, await checkpoints.ReadAsync(ProjectionName, partition, cancellationToken));
        _buffer.Handled[partition] = applied;
        _buffer.Applied[partition] = applied;
        if (read > applied)
        {
            RecommendationsLog.Resumed(logger, partition, applied, read);
            await ReadLogAsync(partition, read, cancellationToken);
        }

        _resumedEpochs[partition] = lease.Epoch;
        return true;
    }

    private async Task ReadLogAsync(int partition, long upTo, CancellationToken cancellationToken)
    {
        while (_buffer.Handled[partition] < upTo)
        {
            var records = await journal.ReadPartitionAsync(partition, _buffer.Handled[partition], ReadBatch, cancellationToken);
            if (records.Count == 0)
            {
                return;
            }

            foreach (var record in records)
            {
                if (record.Position > upTo)
                {
                    return;
                }

                await HandleAsync(partition, record, cancellationToken);
            }
        }
    }

    private async Task HandleAsync(int partition, PartitionRecord record, CancellationToken cancellationToken)
    {
        if (record.Position <= _buffer.Handled.GetValueOrDefault(partition))
        {
            return;
        }

        if (Accepts(record.EventType) && record.StreamId.StartsWith(ShopperStreamPrefix, StringComparison.Ordinal))
        {
            var window = _windows.Get(partition, record.StreamId);
            if (window is null || window.LastSequence != record.Sequence - 1)
            {
                window = await RebuildWindowAsync(record.StreamId, record.Sequence, cancellationToken);
                _windows.Put(partition, record.StreamId, window);
            }

            ContributionDeriver.Fold(window, record.StreamId, partition, record.Position, record.Sequence, Read(record.EventType, record.Payload), _buffer.Add);
        }

        _buffer.Handled[partition] = record.Position;
    }

    /// <summary>The window as it stood just before <paramref name="sequence"/>, from the journal alone.</summary>
    private async Task<StreamWindow> RebuildWindowAsync(string streamId, long sequence, CancellationToken cancellationToken)
    {
        var window = new StreamWindow();
        if (sequence > 1)
        {
            var records = await journal.ReadStreamAsync(streamId, Math.Max(0, sequence - 1 - StreamWindow.Span), cancellationToken);
            foreach (var record in records.TakeWhile(r => r.Sequence < sequence))
            {
                ContributionDeriver.Fold(window, streamId, 0, 0, record.Sequence, Read(record.EventType, record.Payload), emit: null);
            }
        }

        window.LastSequence = sequence - 1;
        return window;
    }

    /// <summary>The event as far as co-occurrence cares (null for types that do not matter here).</summary>
    private static ShopperEvent? Read(string eventType, byte[] payload)
    {
        if (!ProductEventTypes.Contains(eventType))
        {
            return null;
        }

        var facts = JsonSerializer.Deserialize(payload, ShopperEventFactsContext.Default.ShopperEventFacts)!;
        return eventType switch
        {
            "product-viewed" when facts.Product is { } viewed => new ProductViewed { MessageId = "", Timestamp = facts.Timestamp, Product = viewed },
            "product-added" when facts.Product is { } added => new ProductAdded { MessageId = "", Timestamp = facts.Timestamp, Product = added, Quantity = 1 },
            "order-completed" when facts.OrderId is { } orderId => new OrderCompleted
            {
                MessageId = "",
                Timestamp = facts.Timestamp,
                OrderId = orderId,
                Revenue = 0,
                Currency = "",
                Products = facts.Products ?? [],
            },
            _ => null,
        };
    }

    private async Task TryFlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushCoreAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Nothing was lost: the contributions stay pending, products drop any they already applied.
            RecommendationsLog.FlushFailed(logger, ex, _buffer.Count);
        }
    }

    private async Task FlushCoreAsync(CancellationToken cancellationToken)
    {
        if (_buffer.Count > 0)
        {
            var started = timeProvider.GetTimestamp();
            var products = _buffer.ByProduct.ToArray();
            await RememberMissingPartnersAsync(products);
            var counters = await DeliverAsync(products);
            foreach (var c in counters)
            {
                Remember(c);
            }

            var observed = counters.Where(static c => c.Popular > 0 || c.Trending > 0).ToArray();
            if (observed.Length > 0)
            {
                await grains.GetGrain<IPopularityGrain>(IPopularityGrain.GlobalKey).ObserveAsync(observed);
            }

            popularity.Invalidate();
            if (AfterProductsApplied is { } hook)
            {
                await hook();
            }

            RecommendationsLog.Flushed(logger, _buffer.Count, products.Length, (long)timeProvider.GetElapsedTime(started).TotalMilliseconds);
            _buffer.ClearContributions();
        }

        await WriteAppliedCheckpointsAsync(cancellationToken);
        _lastFlush = timeProvider.GetTimestamp();
    }

    /// <summary>Asks partners this silo has no counts for yet, so similarities start from their real basket weight.</summary>
    private async Task RememberMissingPartnersAsync(KeyValuePair<string, List<CoOccurrenceContribution>>[] products)
    {
        var missing = products
            .SelectMany(static p => p.Value)
            .SelectMany(static c => c.Partners)
            .Where(id => !_counters.ContainsKey(id))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var wave in missing.Chunk(CallWave))
        {
            foreach (var counters in await Task.WhenAll(wave.Select(id => grains.GetGrain<IProductGrain>(id).GetCountersAsync())))
            {
                Remember(counters);
            }
        }
    }

    private async Task<ProductCounters[]> DeliverAsync(KeyValuePair<string, List<CoOccurrenceContribution>>[] products)
    {
        var results = new List<ProductCounters>(products.Length);
        foreach (var wave in products.Chunk(CallWave))
        {
            results.AddRange(await Task.WhenAll(wave.Select(p =>
                grains.GetGrain<IProductGrain>(p.Key).ApplyCoOccurrenceAsync(new CoOccurrenceDelivery(LatestSessionPictures(p.Value), PartnersOf(p.Value))))));
        }

        return results.ToArray();
    }

    /// <summary>
    /// A product keeps only the latest picture of each session, so of a delivery's pictures of one session only the
    /// latest travels (and is journaled): a session of n views would otherwise cost n² product ids.
    /// </summary>
    private static List<CoOccurrenceContribution> LatestSessionPictures(List<CoOccurrenceContribution> contributions)
    {
        var latest = new Dictionary<long, int>();
        for (var i = 0; i < contributions.Count; i++)
        {
            var c = contributions[i];
            if (c.SessionItems is not null
                && (!latest.TryGetValue(c.SessionKey, out var best) || c.AtMs >= contributions[best].AtMs))
            {
                latest[c.SessionKey] = i;
            }
        }

        var compact = new List<CoOccurrenceContribution>(contributions.Count);
        for (var i = 0; i < contributions.Count; i++)
        {
            var c = contributions[i];
            compact.Add(c.SessionItems is not null && latest[c.SessionKey] != i ? c with { SessionItems = null } : c);
        }

        return compact;
    }

    private PartnerCounts[] PartnersOf(List<CoOccurrenceContribution> contributions)
    {
        var partners = new Dictionary<string, PartnerCounts>(StringComparer.Ordinal);
        foreach (var contribution in contributions)
        {
            foreach (var partner in contribution.Partners)
            {
                if (!partners.ContainsKey(partner) && _counters.TryGetValue(partner, out var counters))
                {
                    partners[partner] = counters.ToPartnerCounts();
                }
            }
        }

        return partners.Values.ToArray();
    }

    private void Remember(ProductCounters counters)
    {
        if (_counters.Count >= MaxRememberedCounters)
        {
            _counters.Clear();
        }

        _counters[counters.ProductId] = counters;
    }

    public void Dispose() => _gate.Dispose();

    private bool HasUnwrittenCheckpoints() =>
        _buffer.Handled.Any(h => h.Value > _buffer.Applied.GetValueOrDefault(h.Key));

    /// <summary>Everything read so far is applied: record it per partition, under the partition's lease.</summary>
    private async Task WriteAppliedCheckpointsAsync(CancellationToken cancellationToken)
    {
        var writes = new List<Task<(int Partition, long Position, bool Written)>>();
        foreach (var (partition, handled) in _buffer.Handled)
        {
            if (handled > _buffer.Applied.GetValueOrDefault(partition) && ownership.TryGetLocalLease(partition, out var lease))
            {
                writes.Add(WriteAppliedAsync(partition, handled, lease.Epoch, cancellationToken));
            }
        }

        foreach (var (partition, position, written) in await Task.WhenAll(writes))
        {
            if (written)
            {
                _buffer.Applied[partition] = position;
            }
        }
    }

    private async Task<(int Partition, long Position, bool Written)> WriteAppliedAsync(int partition, long position, long epoch, CancellationToken cancellationToken)
    {
        try
        {
            await checkpoints.WriteAsync(AppliedCheckpointName, partition, position, epoch, cancellationToken);
            return (partition, position, true);
        }
        catch (LeaseLostException)
        {
            // Another silo holds the partition now; it reads on from the last applied checkpoint.
            return (partition, position, false);
        }
    }
}
