using System.Text.Json.Serialization;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>Base of the webhook registry's journal events; the names below never change once written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(WebhookListed), "webhook-listed")]
[JsonDerivedType(typeof(WebhookUnlisted), "webhook-unlisted")]
public abstract record WebhookRegistryEvent : IJournalEvent
{
    public required DateTimeOffset Timestamp { get; init; }

    public required string SubscriptionId { get; init; }
}
