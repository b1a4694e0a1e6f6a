using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Personalization.Grains.Catalog.Events;
using Orleans.Personalization.Grains.Catalog.State;
using Orleans.Personalization.Grains.Recommendations.Popularity;

namespace Orleans.Personalization.Grains.Recommendations;

/// <summary>Source-generated serialization of product and popularity journals and snapshots.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ProductEvent))]
[JsonSerializable(typeof(ProductState))]
[JsonSerializable(typeof(PopularityEvent))]
[JsonSerializable(typeof(PopularityState))]
public sealed partial class RecommendationJsonContext : JsonSerializerContext;
