using System.Text.Json.Serialization;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>Base of a webhook subscription's journal events; the names below never change once written.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(WebhookCreated), "webhook-created")]
[JsonDerivedType(typeof(WebhookUpdated), "webhook-updated")]
[JsonDerivedType(typeof(WebhookDeleted), "webhook-deleted")]
public abstract record WebhookEvent : IJournalEvent
{
    public required DateTimeOffset Timestamp { get; init; }
}
