using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>Source-generated serialization of the webhook grains' journals and snapshots.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(WebhookEvent))]
[JsonSerializable(typeof(WebhookState))]
[JsonSerializable(typeof(WebhookRegistryEvent))]
[JsonSerializable(typeof(WebhookRegistryState))]
public sealed partial class WebhookJsonContext : JsonSerializerContext;
