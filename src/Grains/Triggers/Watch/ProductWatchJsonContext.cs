using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Personalization.Grains.Triggers.Watch;

/// <summary>Source-generated serialization of the product watch grain's journal and snapshots.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProductWatchEvent))]
[JsonSerializable(typeof(ProductWatchState))]
public sealed partial class ProductWatchJsonContext : JsonSerializerContext;
