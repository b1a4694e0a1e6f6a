using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains.State;

/// <summary>
/// What triggers need from a shopper's journal, folded like the rest of <see cref="ShopperState"/>: last
/// activity, a cart version, purchase intent, recent views per product, and what triggers already used up.
/// Thresholds and delays are settings, so they are not here: the grain applies them to this state.
/// Times are the service's receipt times (Unix ms), which device clocks cannot skew.
/// </summary>
public sealed class TriggerState
{
    public const int MaxHandledChanges = 50;
    public const int MaxPriceNotices = 20;

    /// <summary>Intent weights: a view (plus a bonus per earlier view of the product within a day), a search, a filter, a cart add, a checkout.</summary>
    public const double ViewWeight = 1;
    public const double RepeatViewWeight = 0.5;
    public const int MaxRepeatViews = 4;
    public const double SearchWeight = 1.5;
    public const double FilterWeight = 0.5;
    public const double CartAddWeight = 4;
    public const double CheckoutWeight = 8;
    private const long DayMs = 86_400_000;

    /// <summary>Receipt time of the shopper's latest own event.</summary>
    public long LastActivityAt { get; set; }

    /// <summary>Grows at every change to the cart: a cart abandonment fires once per version.</summary>
    public long CartVersion { get; set; }

    public long CartFiredVersion { get; set; }

    public IntentScore Intent { get; set; } = new();

    public long IntentFiredAt { get; set; }

    public ProductViewLog Views { get; set; } = new();

    /// <summary>The last activity a lapsing-customer trigger fired for.</summary>
    public long LapsingFiredFor { get; set; }

    /// <summary>The price last told in a price-drop trigger, per product, latest last (a list, so order survives snapshots).</summary>
    public List<PriceNotice> PriceNotices { get; set; } = [];

    /// <summary>Catalog changes already answered with a trigger, latest last.</summary>
    public List<string> HandledChanges { get; set; } = [];

    public int Raised { get; set; }

    /// <summary>Folds one of the shopper's own events (called by <see cref="ShopperState"/> for each one, merged history included).</summary>
    public void Observe(ShopperEvent e)
    {
        var at = ReceiptTime(e);
        LastActivityAt = Math.Max(LastActivityAt, at);
        switch (e)
        {
            case ProductViewed viewed:
                var earlier = Math.Min(MaxRepeatViews, Views.CountSince(viewed.Product.ProductId, at - DayMs));
                Views.AddView(viewed.Product.ProductId, at);
                Intent.Add(ViewWeight + RepeatViewWeight * earlier, at);
                break;
            case ProductAdded added:
                CartVersion++;
                Views.MarkAdded(added.Product.ProductId, at);
                Intent.Add(CartAddWeight, at);
                break;
            case ProductRemoved:
                CartVersion++;
                break;
            case ProductsSearched:
                Intent.Add(SearchWeight, at);
                break;
            case ProductListFiltered:
                Intent.Add(FilterWeight, at);
                break;
            case CheckoutStarted:
                Intent.Add(CheckoutWeight, at);
                break;
            case OrderCompleted order:
                CartVersion++;
                Intent.Reset(at);
                foreach (var product in order.Products)
                {
                    Views.MarkAdded(product.ProductId, at);
                }

                break;
        }
    }

    /// <summary>Records what a raised trigger used up.</summary>
    public void Apply(TriggerRaised raised)
    {
        Raised++;
        switch (raised.Trigger.Type)
        {
            case TriggerTypes.CartAbandonment:
                CartFiredVersion = Math.Max(CartFiredVersion, raised.CartVersion ?? CartVersion);
                break;
            case TriggerTypes.HighIntent:
                IntentFiredAt = Math.Max(IntentFiredAt, raised.Trigger.OccurredAt.ToUnixTimeMilliseconds());
                break;
            case TriggerTypes.BrowseAbandonment:
                foreach (var product in raised.Products ?? [])
                {
                    Views.MarkFired(product);
                }

                break;
            case TriggerTypes.LapsingCustomer:
                LapsingFiredFor = Math.Max(LapsingFiredFor, raised.LastActivityAt ?? LastActivityAt);
                break;
            case TriggerTypes.PriceDrop when raised.Trigger.Facts is { Product: { } product, NewPrice: { } price }:
                PriceNotices.RemoveAll(n => n.ProductId == product.ProductId);
                if (PriceNotices.Count >= MaxPriceNotices)
                {
                    PriceNotices.RemoveAt(0);
                }

                PriceNotices.Add(new PriceNotice { ProductId = product.ProductId, Price = price });
                break;
        }

        if (raised.ChangeId is { } change && !HandledChanges.Contains(change))
        {
            HandledChanges.Add(change);
            if (HandledChanges.Count > MaxHandledChanges)
            {
                HandledChanges.RemoveAt(0);
            }
        }
    }

    /// <summary>
    /// Folds any journal event the way <see cref="ShopperState.Apply"/> reaches this state: merged history
    /// event by event, triggers through <see cref="Apply"/>. Used on a copy to see a batch's effect before it is durable.
    /// </summary>
    public void Fold(ShopperEvent e)
    {
        switch (e)
        {
            case AnonymousHistoryMerged merged:
                foreach (var past in merged.Events.Where(static past => past is not (AnonymousHistoryMerged or MergedIntoUser or TriggerRaised)))
                {
                    Fold(past);
                }

                break;
            case MergedIntoUser:
                break;
            case TriggerRaised raised:
                Apply(raised);
                break;
            default:
                Observe(e);
                break;
        }
    }

    /// <summary>The price last told for a product in a price-drop trigger, or null.</summary>
    public decimal? NotifiedPrice(string productId) => PriceNotices.Find(n => n.ProductId == productId)?.Price;

    public TriggerState Clone() => new()
    {
        LastActivityAt = LastActivityAt,
        CartVersion = CartVersion,
        CartFiredVersion = CartFiredVersion,
        Intent = Intent.Clone(),
        IntentFiredAt = IntentFiredAt,
        Views = Views.Clone(),
        LapsingFiredFor = LapsingFiredFor,
        PriceNotices = PriceNotices.ConvertAll(static n => new PriceNotice { ProductId = n.ProductId, Price = n.Price }),
        HandledChanges = [.. HandledChanges],
        Raised = Raised,
    };

    /// <summary>When the service received the event (its business time for events that have none).</summary>
    public static long ReceiptTime(ShopperEvent e) =>
        (e.ReceivedAt == default ? e.Timestamp : e.ReceivedAt).ToUnixTimeMilliseconds();
}
