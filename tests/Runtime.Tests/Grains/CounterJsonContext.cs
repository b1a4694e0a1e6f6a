using System.Text.Json.Serialization;

namespace Orleans.Personalization.Runtime.Tests.Grains;

[JsonSerializable(typeof(CounterEvent))]
[JsonSerializable(typeof(CounterState))]
internal sealed partial class CounterJsonContext : JsonSerializerContext;
