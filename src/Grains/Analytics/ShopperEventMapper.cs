using System.Globalization;
using System.Text.Json;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces.Messages;

namespace Orleans.Personalization.Grains.Analytics;

/// <summary>
/// Turns a journaled shopper event into analytics events: the Segment name, the scalar properties the store
/// sent (nested objects and arrays are left out: filters and breakdowns compare scalars), revenue of orders,
/// UTM fields and referrer from the context, and the device class from the user agent. A recommendation
/// impression becomes one event per product shown, so CTR is clicks per product impression.
/// </summary>
internal sealed class ShopperEventMapper
{
    public const int MaxProperties = 24;
    public const int MaxValueLength = 200;
    private const int MaxCachedAgents = 10_000;
    private const int MaxCachedSources = 100_000;

    private readonly TextPool _texts = new();
    private readonly Dictionary<string, string?> _devices = new(StringComparer.Ordinal);
    private readonly Dictionary<(string?, string?, string?, string?), TrafficSource> _sources = [];

    public TextPool Texts => _texts;

    /// <summary>Adds the analytics events of <paramref name="e"/> to <paramref name="output"/>; events with no analytics meaning add nothing.</summary>
    public void Map(ShopperEvent e, string personId, string sessionId, List<AnalyticsEvent> output)
    {
        var source = Source(e.Context);
        var device = Device(e.Context?.UserAgent);
        AnalyticsEvent Make(string name, string[] extra, decimal? revenue = null) =>
            new(personId, sessionId, e.Timestamp, _texts.Share(name))
            {
                Properties = Properties(e.Properties, extra),
                Revenue = revenue,
                Source = source,
                Device = device,
            };

        switch (e)
        {
            case ProductViewed viewed:
                output.Add(Make(AnalyticsEventNames.ProductViewed, Product(viewed.Product)));
                break;
            case ProductAdded added:
                output.Add(Make(AnalyticsEventNames.ProductAdded, [.. Product(added.Product), "quantity", Number(added.Quantity)]));
                break;
            case ProductRemoved removed:
                output.Add(Make(AnalyticsEventNames.ProductRemoved, Product(removed.Product)));
                break;
            case ProductsSearched searched:
                output.Add(Make(AnalyticsEventNames.ProductsSearched, ["query", searched.Query]));
                break;
            case ProductListFiltered filtered:
                output.Add(Make(AnalyticsEventNames.ProductListFiltered, Optional("category", filtered.Category)));
                break;
            case CheckoutStarted checkout:
                output.Add(Make(AnalyticsEventNames.CheckoutStarted, checkout.Value is { } value ? ["value", Number(value)] : []));
                break;
            case OrderCompleted order:
                output.Add(Make(AnalyticsEventNames.OrderCompleted, ["order_id", order.OrderId, "revenue", Number(order.Revenue), "currency", order.Currency], order.Revenue));
                break;
            case PageViewed page:
                output.Add(Make(AnalyticsEventNames.PageViewed, [.. Optional("name", page.Name), .. Optional("category", page.Category)]));
                break;
            case CustomEvent custom:
                output.Add(Make(custom.Name, []));
                break;
            case RecommendationImpressed impressed:
                foreach (var product in impressed.Products)
                {
                    output.Add(Make(AnalyticsEventNames.RecommendationViewed, Recommended(impressed.RecommendationId, impressed.Placement, product)));
                }

                break;
            case RecommendationClicked clicked:
                output.Add(Make(AnalyticsEventNames.RecommendationClicked, Recommended(clicked.RecommendationId, clicked.Placement, clicked.Product)));
                break;
            case ExperimentExposed exposed:
                output.Add(Make(AnalyticsEventNames.ExperimentViewed,
                [
                    "experiment_id", exposed.ExperimentKey,
                    "variation_id", exposed.Variant,
                    "experiment_version", Number(exposed.AssignedVersion),
                    "exposed_version", Number(exposed.ExposedVersion),
                    .. Optional("source", exposed.Source),
                ]));
                break;
        }
    }

    /// <summary>The event's scalar properties as sent, then the typed fields the event carries where the store did not send them.</summary>
    private CompactPropertyDictionary Properties(JsonElement? sent, string[] typed)
    {
        var pairs = new List<string>(typed.Length + 8);
        if (sent is { ValueKind: JsonValueKind.Object } properties)
        {
            foreach (var member in properties.EnumerateObject())
            {
                if (pairs.Count >= MaxProperties * 2)
                {
                    break;
                }

                var value = member.Value.ValueKind switch
                {
                    JsonValueKind.String => member.Value.GetString(),
                    JsonValueKind.Number => member.Value.GetRawText(),
                    JsonValueKind.True => "true",
                    JsonValueKind.False => "false",
                    _ => null,
                };
                if (value is not null && value.Length <= MaxValueLength && !Contains(pairs, member.Name))
                {
                    pairs.Add(_texts.Share(member.Name));
                    pairs.Add(_texts.Share(value));
                }
            }
        }

        for (var i = 0; i + 1 < typed.Length && pairs.Count < MaxProperties * 2; i += 2)
        {
            if (typed[i + 1] is { } value && !Contains(pairs, typed[i]))
            {
                pairs.Add(_texts.Share(typed[i]));
                pairs.Add(_texts.Share(value));
            }
        }

        return pairs.Count == 0 ? CompactPropertyDictionary.Empty : new CompactPropertyDictionary([.. pairs]);
    }

    private static bool Contains(List<string> pairs, string name)
    {
        for (var i = 0; i < pairs.Count; i += 2)
        {
            if (string.Equals(pairs[i], name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private TrafficSource? Source(MessageContext? context)
    {
        var campaign = context?.Campaign;
        var referrer = context?.Page?.Referrer;
        if (campaign?.Source is null && campaign?.Medium is null && campaign?.Name is null && string.IsNullOrEmpty(referrer))
        {
            return null;
        }

        var key = (campaign?.Source, campaign?.Medium, campaign?.Name, referrer);
        if (_sources.TryGetValue(key, out var shared))
        {
            return shared;
        }

        var source = new TrafficSource(_texts.ShareOrNull(campaign?.Source), _texts.ShareOrNull(campaign?.Medium), _texts.ShareOrNull(campaign?.Name), referrer);
        if (_sources.Count < MaxCachedSources)
        {
            _sources[key] = source;
        }

        return source;
    }

    private string? Device(string? userAgent)
    {
        if (userAgent is null)
        {
            return null;
        }

        if (!_devices.TryGetValue(userAgent, out var device))
        {
            device = DeviceClassifier.Classify(userAgent);
            if (_devices.Count < MaxCachedAgents)
            {
                _devices[userAgent] = device;
            }
        }

        return device;
    }

    private static string[] Product(ProductLine product) =>
        ["product_id", product.ProductId, .. Optional("category", product.Category), .. Optional("price", product.Price is { } p ? Number(p) : null)];

    private static string[] Recommended(string recommendationId, string placement, RecommendedProduct product) =>
    [
        "recommendation_id", recommendationId,
        "placement", placement,
        "product_id", product.ProductId,
        .. Optional("strategy", product.Strategy),
        .. Optional("position", product.Position is { } position ? Number(position) : null),
    ];

    private static string[] Optional(string name, string? value) => value is null ? [] : [name, value];

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
