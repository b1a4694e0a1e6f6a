using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains;

/// <summary>Source-generated serialization of the shopper's journal events and snapshots.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(ShopperEvent))]
[JsonSerializable(typeof(ShopperState))]
public sealed partial class ShopperJsonContext : JsonSerializerContext;
