using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>Source-generated serialization of triggers (the wire format subscribers receive) and of the settings grain.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(Trigger))]
[JsonSerializable(typeof(TriggerSettingsEvent))]
[JsonSerializable(typeof(TriggerSettingsState))]
public sealed partial class TriggerJsonContext : JsonSerializerContext;
