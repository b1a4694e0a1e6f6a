using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Triggers.Rules;

/// <summary>Cart abandonment: a non-empty cart whose current version has not fired, once the shopper has been inactive for the delay.</summary>
public static class CartAbandonmentRule
{
    public static bool IsArmed(ShopperState state) =>
        state.Cart.Lines.Count > 0 && state.Triggers.CartFiredVersion != state.Triggers.CartVersion;

    public static DateTimeOffset DueAt(TriggerState state, CartAbandonmentSettings settings) =>
        DateTimeOffset.FromUnixTimeMilliseconds(state.LastActivityAt) + settings.Delay;

    public static TriggerFacts Facts(ShopperState state, DateTimeOffset dueAt) => new()
    {
        DueAt = dueAt,
        LastActivityAt = DateTimeOffset.FromUnixTimeMilliseconds(state.Triggers.LastActivityAt),
        Cart = new TriggerCart(
            state.Cart.Lines.Select(static l => new TriggerCartLine(l.ProductId, l.Name, l.Category, l.Price, l.Quantity)).ToArray(),
            state.Cart.Value(),
            state.Cart.Currency),
    };
}
