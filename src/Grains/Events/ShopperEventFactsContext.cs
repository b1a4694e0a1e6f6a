using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Personalization.Grains.Events;

/// <summary>Source-generated reading of <see cref="ShopperEventFacts"/> from stored shopper events.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(ShopperEventFacts))]
internal sealed partial class ShopperEventFactsContext : JsonSerializerContext;
