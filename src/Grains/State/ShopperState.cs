using System.Text.Json;
using System.Text.Json.Nodes;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.State;

/// <summary>
/// A shopper's live profile: a deterministic fold of the journal. Apply reads no clock (times come from the
/// events), does no I/O and never throws. Times are Unix milliseconds to keep each shopper small in memory.
/// </summary>
public sealed class ShopperState : IJournaledState<ShopperEvent>
{
    public const int MaxAnonymousIds = 20;
    private const double ViewWeight = 1;
    private const double FilterWeight = 1;
    private const double CartWeight = 3;
    private const double PurchaseWeight = 5;

    public string? UserId { get; set; }

    public List<string> AnonymousIds { get; set; } = [];

    /// <summary>For an anonymous shopper: the user it merged into; its messages go there.</summary>
    public string? MergedInto { get; set; }

    public long FirstSeen { get; set; }

    public long LastSeen { get; set; }

    public long EventCount { get; set; }

    /// <summary>Traits from identify calls, merged key by key (latest wins), as a JSON object.</summary>
    public string? Traits { get; set; }

    public CategoryAffinity Categories { get; set; } = new();

    public PriceBand Prices { get; set; } = new();

    public RecentProducts RecentlyViewed { get; set; } = new();

    public Cart Cart { get; set; } = new();

    public RecentEntries Searches { get; set; } = new();

    public RecentEntries Filters { get; set; } = new();

    public SessionTracker Sessions { get; set; } = new();

    public PurchaseHistory Purchases { get; set; } = new();

    /// <summary>Products bought (null until the first order), so recommendations can leave them out.</summary>
    public BoughtProducts? Bought { get; set; }

    public CampaignTouch? FirstTouch { get; set; }

    public CampaignTouch? LastTouch { get; set; }

    public MessageIdWindow SeenMessages { get; set; } = new();

    /// <summary>What the real-time triggers need (their own class, folded from the same events).</summary>
    public TriggerState Triggers { get; set; } = new();

    /// <summary>Experiment variants from the shopper's exposures; null until the first.</summary>
    public ExperimentAssignments? Experiments { get; set; }

    public void Apply(ShopperEvent domainEvent)
    {
        switch (domainEvent)
        {
            case AnonymousHistoryMerged merged:
                foreach (var past in merged.Events.Where(e => e is not (AnonymousHistoryMerged or MergedIntoUser or TriggerRaised)))
                {
                    Apply(past);
                }

                RememberAnonymousId(merged.MergedAnonymousId);
                SeenMessages.Add(merged.MessageId, merged.ReceivedAt.ToUnixTimeMilliseconds());
                return;
            case MergedIntoUser into:
                MergedInto = into.MergedUserId;
                return;
            case TriggerRaised raised:
                Triggers.Apply(raised);
                return;
            case ExperimentExposed exposed:
                // Being served a variant is not shopper activity: it neither starts sessions nor re-arms triggers.
                (Experiments ??= new()).Apply(exposed);
                return;
        }

        var at = domainEvent.Timestamp.ToUnixTimeMilliseconds();
        TrackCommon(domainEvent, at);
        Triggers.Observe(domainEvent);
        switch (domainEvent)
        {
            case ProductViewed viewed:
                RecentlyViewed.Add(viewed.Product.ProductId, viewed.Product.Category, viewed.Product.Price, at);
                AddCategory(viewed.Product.Category, ViewWeight, at);
                if (viewed.Product.Price is { } price)
                {
                    Prices.AddViewed(price);
                }

                break;
            case ProductAdded added:
                Cart.Add(added.Product.ProductId, added.Product.Name, added.Product.Category, added.Product.Price, added.Quantity, added.Currency, at);
                AddCategory(added.Product.Category, CartWeight, at);
                break;
            case ProductRemoved removed:
                Cart.Remove(removed.Product.ProductId, removed.Quantity, at);
                break;
            case ProductsSearched searched:
                Searches.Add(searched.Query, null, at);
                break;
            case ProductListFiltered filtered:
                foreach (var filter in filtered.Filters)
                {
                    Filters.Add(filter.Type, filter.Value, at);
                }

                AddCategory(filtered.Category, FilterWeight, at);
                break;
            case OrderCompleted order when !Purchases.HasOrder(order.OrderId):
                Purchases.Add(order.OrderId, order.Revenue, order.Currency, at);
                Cart.CheckOut(at);
                foreach (var product in order.Products)
                {
                    AddCategory(product.Category, PurchaseWeight, at);
                    (Bought ??= new()).Add(product.ProductId);
                    if (product.Price is { } paid)
                    {
                        Prices.AddBought(paid);
                    }
                }

                break;
            case Identified identified:
                MergeTraits(identified);
                break;
        }
    }

    private void TrackCommon(ShopperEvent e, long at)
    {
        EventCount++;
        FirstSeen = FirstSeen == 0 ? at : Math.Min(FirstSeen, at);
        LastSeen = Math.Max(LastSeen, at);
        Sessions.Track(at, e is PageViewed);
        SeenMessages.Add(e.MessageId, e.ReceivedAt.ToUnixTimeMilliseconds());
        UserId ??= e.UserId;
        if (e.AnonymousId is not null)
        {
            RememberAnonymousId(e.AnonymousId);
        }

        if (e.Context?.Campaign is { } campaign && (campaign.Source ?? campaign.Medium ?? campaign.Name) is not null)
        {
            var touch = new CampaignTouch
            {
                Source = campaign.Source, Medium = campaign.Medium, Name = campaign.Name,
                Term = campaign.Term, Content = campaign.Content, At = at,
            };
            if (FirstTouch is null || at < FirstTouch.At)
            {
                FirstTouch = touch;
            }

            if (LastTouch is null || at >= LastTouch.At)
            {
                LastTouch = touch;
            }
        }
    }

    private void AddCategory(string? category, double weight, long at)
    {
        if (!string.IsNullOrWhiteSpace(category))
        {
            Categories.Add(category, weight, at);
        }
    }

    private void RememberAnonymousId(string anonymousId)
    {
        if (AnonymousIds.Count < MaxAnonymousIds && !AnonymousIds.Contains(anonymousId))
        {
            AnonymousIds.Add(anonymousId);
        }
    }

    private void MergeTraits(Identified identified)
    {
        if (identified.Traits is not { ValueKind: JsonValueKind.Object } traits)
        {
            return;
        }

        var merged = Traits is null ? new JsonObject() : JsonNode.Parse(Traits) as JsonObject ?? new JsonObject();
        var target = merged;
        if (identified.GroupId is not null)
        {
            target = new JsonObject { ["id"] = identified.GroupId };
            merged["group"] = target;
        }

        foreach (var property in traits.EnumerateObject())
        {
            target[property.Name] = JsonNode.Parse(property.Value.GetRawText());
        }

        Traits = merged.ToJsonString();
    }
}
