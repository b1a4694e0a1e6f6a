using System.Globalization;
using System.Text.Json;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// The analytics read model's data: every shopper's events (sessions by the 30-minute rule within each shopper
/// stream, in journal order), identity merges, and identify traits. Shopper ids are shopper keys ("u:alice",
/// "a:visitor-42"), so user and anonymous ids never collide. One writer applies journal records; queries take a
/// <see cref="AnalyticsSnapshot"/>. Merges are kept as a list and resolved per query (IdentityGraph), so an
/// anonymous history counts with its user no matter which partition is read first.
/// </summary>
public sealed class AnalyticsStore
{
    public const string UserStreamPrefix = "user/";
    private static readonly HashSet<string> SkippedTypes = new(StringComparer.Ordinal)
    {
        // The merged history is a copy of the anonymous stream, which is read itself; the merge is known
        // from "merged-into-user" in that stream. Triggers are the service's doing, not the shopper's.
        "anonymous-history-merged", "trigger-raised",
    };

    private readonly object _gate = new();
    private readonly EventLog _log;
    private readonly ShopperEventMapper _mapper = new();
    private readonly Dictionary<string, ShopperStream> _streams = new(StringComparer.Ordinal);
    private readonly List<(string From, string Into)> _merges = [];
    private readonly Dictionary<string, IReadOnlyDictionary<string, string>> _traits = new(StringComparer.Ordinal);
    private readonly List<AnalyticsEvent> _mapped = [];
    private long _records;

    public AnalyticsStore(int maxEvents)
    {
        _log = new EventLog(maxEvents);
    }

    /// <summary>Whether the read model cares about a journal record (shopper streams, shopper event types).</summary>
    public static bool Accepts(PartitionRecord record) =>
        record.StreamId.StartsWith(UserStreamPrefix, StringComparison.Ordinal) && !SkippedTypes.Contains(record.EventType);

    /// <summary>Applies records of one partition, in position order.</summary>
    public void Apply(IReadOnlyList<PartitionRecord> records)
    {
        var events = new List<(string Person, ShopperEvent Event)>(records.Count);
        foreach (var record in records)
        {
            if (Accepts(record) && JsonSerializer.Deserialize(record.Payload, ShopperJsonContext.Default.ShopperEvent) is { } e)
            {
                events.Add((record.StreamId[UserStreamPrefix.Length..], e));
            }
        }

        lock (_gate)
        {
            foreach (var (person, e) in events)
            {
                _records++;
                Apply(_mapper.Texts.Share(person), e);
            }
        }
    }

    public AnalyticsStatus Status()
    {
        lock (_gate)
        {
            return new AnalyticsStatus(_records, _log.Count, _log.Dropped, _streams.Count, _merges.Count, _log.OldestTicks is { } t ? new DateTimeOffset(t, TimeSpan.Zero) : null);
        }
    }

    /// <summary>What queries read: the events held now, the merges, and (copied only when asked) the traits.</summary>
    public AnalyticsSnapshot Snapshot(bool withTraits = false)
    {
        lock (_gate)
        {
            return new AnalyticsSnapshot(
                _log.Window(),
                _merges.ToArray(),
                withTraits ? new Dictionary<string, IReadOnlyDictionary<string, string>>(_traits, StringComparer.Ordinal) : null);
        }
    }

    private void Apply(string person, ShopperEvent e)
    {
        switch (e)
        {
            case MergedIntoUser merged:
                _merges.Add((person, _mapper.Texts.Share(ShopperKey.ForUser(merged.MergedUserId))));
                return;
            case Identified identified:
                MergeTraits(person, identified);
                return;
            case OrderCompleted order when !Stream(person).FirstTimeOrder(order.OrderId):
                return;
        }

        var stream = Stream(person);
        var ticks = e.Timestamp.UtcTicks;
        if (stream.Current is not { } session || !session.Admits(ticks))
        {
            stream.Sessions++;
            session = new SessionSpan(string.Create(CultureInfo.InvariantCulture, $"{person}#{stream.Sessions}"), ticks);
            stream.Current = session;
        }

        _mapped.Clear();
        _mapper.Map(e, person, session.Id, _mapped);
        if (_mapped.Count == 0)
        {
            return;
        }

        session.Extend(ticks);
        foreach (var analyticsEvent in _mapped)
        {
            _log.Add(new StoredEvent(analyticsEvent, session));
        }
    }

    private ShopperStream Stream(string person)
    {
        if (!_streams.TryGetValue(person, out var stream))
        {
            stream = new ShopperStream();
            _streams[person] = stream;
        }

        return stream;
    }

    /// <summary>Latest value wins per trait; the dictionary is replaced, never changed, so a snapshot's copy stays as it was.</summary>
    private void MergeTraits(string person, Identified identified)
    {
        if (identified.GroupId is not null || identified.Traits is not { ValueKind: JsonValueKind.Object } traits)
        {
            return;
        }

        var merged = _traits.TryGetValue(person, out var existing)
            ? new Dictionary<string, string>(existing, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, value) in EventProperties.FromJson(traits))
        {
            if (value.Length <= ShopperEventMapper.MaxValueLength && (merged.Count < ShopperEventMapper.MaxProperties || merged.ContainsKey(name)))
            {
                merged[_mapper.Texts.Share(name)] = _mapper.Texts.Share(value);
            }
        }

        _traits[person] = merged;
    }
}
