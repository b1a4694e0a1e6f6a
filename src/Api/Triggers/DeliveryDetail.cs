using System.Text.Json;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>A delivery with every attempt and the trigger it carries (null once retention removed it).</summary>
public sealed record DeliveryDetail(DeliveryView Delivery, IReadOnlyList<DeliveryAttemptView> Attempts, JsonElement? Trigger);
