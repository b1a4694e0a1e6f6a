using System.Text.Json.Serialization;

namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>
/// What a shopper event means for one product. Stored by name in product journals: names never change.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<ContributionKind>))]
public enum ContributionKind
{
    /// <summary>First view of the product in a session: a co-view basket, paired with the session's earlier views.</summary>
    View,

    /// <summary>A further view in the same session: activity only.</summary>
    RepeatView,

    /// <summary>A later product viewed in a session that viewed this one: one co-view pair.</summary>
    PartnerView,

    /// <summary>First add to cart in a session: a co-cart basket, paired with the session's earlier adds.</summary>
    Cart,

    /// <summary>A further add of the product in the same session: activity only.</summary>
    RepeatCart,

    /// <summary>A later product added in a session that added this one: one co-cart pair.</summary>
    PartnerCart,

    /// <summary>Bought in an order: a co-purchase basket, paired with the order's other products.</summary>
    Purchase,
}
