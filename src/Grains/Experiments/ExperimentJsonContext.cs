using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>Source-generated serialization of the experiment registry's events and snapshots, and of alerts on the wire.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull, UseStringEnumConverter = true)]
[JsonSerializable(typeof(ExperimentRegistryEvent))]
[JsonSerializable(typeof(ExperimentRegistryState))]
[JsonSerializable(typeof(ExperimentAlert))]
public sealed partial class ExperimentJsonContext : JsonSerializerContext;
