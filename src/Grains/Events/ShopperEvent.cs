using System.Text.Json;
using System.Text.Json.Serialization;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Events;

/// <summary>
/// Base of every event in a shopper's journal. The discriminators below are the names stored in the
/// journal: they never change once written (rename a class freely, never its name here).
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "$type")]
[JsonDerivedType(typeof(ProductViewed), "product-viewed")]
[JsonDerivedType(typeof(ProductAdded), "product-added")]
[JsonDerivedType(typeof(ProductRemoved), "product-removed")]
[JsonDerivedType(typeof(ProductsSearched), "products-searched")]
[JsonDerivedType(typeof(ProductListFiltered), "product-list-filtered")]
[JsonDerivedType(typeof(CheckoutStarted), "checkout-started")]
[JsonDerivedType(typeof(OrderCompleted), "order-completed")]
[JsonDerivedType(typeof(PageViewed), "page-viewed")]
[JsonDerivedType(typeof(Identified), "identified")]
[JsonDerivedType(typeof(CustomEvent), "custom")]
[JsonDerivedType(typeof(AnonymousHistoryMerged), "anonymous-history-merged")]
[JsonDerivedType(typeof(MergedIntoUser), "merged-into-user")]
[JsonDerivedType(typeof(RecommendationImpressed), "recommendation-impression")]
[JsonDerivedType(typeof(RecommendationClicked), "recommendation-click")]
[JsonDerivedType(typeof(TriggerRaised), "trigger-raised")]
[JsonDerivedType(typeof(ExperimentExposed), "experiment-exposure")]
public abstract record ShopperEvent : IJournalEvent
{
    /// <summary>The Segment messageId (or a derived id for events the service raises itself).</summary>
    public required string MessageId { get; init; }

    public required DateTimeOffset Timestamp { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public string? UserId { get; init; }

    public string? AnonymousId { get; init; }

    public MessageContext? Context { get; init; }

    /// <summary>The message's properties as sent, kept whole for analytics.</summary>
    public JsonElement? Properties { get; init; }
}
