using System.Text.Json.Serialization;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Runtime.Tests.Grains;

[JsonPolymorphic]
[JsonDerivedType(typeof(CounterAdded), "counter-added")]
[JsonDerivedType(typeof(CounterReset), "counter-reset")]
public abstract record CounterEvent(DateTimeOffset Timestamp) : IJournalEvent;

public sealed record CounterAdded(string Name, long Amount, DateTimeOffset Timestamp) : CounterEvent(Timestamp);

public sealed record CounterReset(string Name, DateTimeOffset Timestamp) : CounterEvent(Timestamp);
