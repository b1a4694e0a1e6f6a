using System.Globalization;
using Microsoft.Extensions.Primitives;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Api.Recommendations;

/// <summary>Reads the query string of GET /v1/recommendations, naming each bad parameter.</summary>
internal static class RecommendationQueryParser
{
    public const int MaxIdLength = 256;
    public const int MaxCount = 100;
    public const int MaxListedIds = 500;
    public const int MaxQueryLength = 200;
    private const int DefaultCount = 10;

    public static RecommendationQuery? Parse(IQueryCollection query, List<FieldError> errors)
    {
        var placementName = Single(query, "placement", errors);
        Placement? placement = null;
        if (placementName is null)
        {
            errors.Add(new FieldError("placement", $"is required: one of {string.Join(", ", PlacementNames.All)}"));
        }
        else if (!PlacementNames.TryParse(placementName, out placement))
        {
            errors.Add(new FieldError("placement", $"must be one of {string.Join(", ", PlacementNames.All)}"));
        }

        var userId = Id(query, "userId", errors);
        var anonymousId = Id(query, "anonymousId", errors);
        if (userId is null && anonymousId is null && !query.ContainsKey("userId") && !query.ContainsKey("anonymousId"))
        {
            errors.Add(new FieldError("userId", "userId or anonymousId is required"));
        }

        var productId = Id(query, "productId", errors);
        if (placement == Placement.ProductPage && productId is null && !query.ContainsKey("productId"))
        {
            errors.Add(new FieldError("productId", "is required on the product_page placement"));
        }

        var count = DefaultCount;
        if (Single(query, "count", errors) is { } countText
            && (!int.TryParse(countText, NumberStyles.None, CultureInfo.InvariantCulture, out count) || count is < 1 or > MaxCount))
        {
            errors.Add(new FieldError("count", $"must be a whole number from 1 to {MaxCount}"));
        }

        var minPrice = Price(query, "minPrice", errors);
        var maxPrice = Price(query, "maxPrice", errors);
        if (minPrice > maxPrice)
        {
            errors.Add(new FieldError("maxPrice", "must not be below minPrice"));
        }

        var category = Single(query, "category", errors);
        if (category is { Length: 0 or > MaxQueryLength })
        {
            errors.Add(new FieldError("category", $"must be 1 to {MaxQueryLength} characters"));
        }

        var text = Single(query, "q", errors);
        if (text is { Length: > MaxQueryLength })
        {
            errors.Add(new FieldError("q", $"must be at most {MaxQueryLength} characters"));
        }

        var result = new RecommendationQuery
        {
            Placement = placement ?? Placement.Home,
            UserId = userId,
            AnonymousId = anonymousId,
            ProductId = productId,
            Cart = IdList(query, "cart", errors),
            Count = count,
            Category = category,
            MinPrice = minPrice,
            MaxPrice = maxPrice,
            InStock = Boolean(query, "inStock", errors),
            Exclude = IdList(query, "exclude", errors),
            Query = string.IsNullOrWhiteSpace(text) ? null : text.Trim(),
            IncludePurchased = Boolean(query, "includePurchased", errors) ?? false,
        };
        return errors.Count > 0 ? null : result;
    }

    private static string? Single(IQueryCollection query, string name, List<FieldError> errors)
    {
        if (!query.TryGetValue(name, out var values))
        {
            return null;
        }

        if (values.Count > 1)
        {
            errors.Add(new FieldError(name, "must be given once"));
            return null;
        }

        return values[0];
    }

    private static string? Id(IQueryCollection query, string name, List<FieldError> errors)
    {
        var value = Single(query, name, errors);
        if (value is not null && (value.Length is 0 or > MaxIdLength))
        {
            errors.Add(new FieldError(name, $"must be 1 to {MaxIdLength} characters"));
            return null;
        }

        return value;
    }

    private static decimal? Price(IQueryCollection query, string name, List<FieldError> errors)
    {
        if (Single(query, name, errors) is not { } text)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var price))
        {
            return price;
        }

        errors.Add(new FieldError(name, "must be a number, zero or more (a dot for decimals)"));
        return null;
    }

    private static bool? Boolean(IQueryCollection query, string name, List<FieldError> errors) => Single(query, name, errors) switch
    {
        null => null,
        "true" => true,
        "false" => false,
        _ => Fail(errors, name, "must be true or false"),
    };

    /// <summary>Ids given as repeated parameters, comma-separated, or both.</summary>
    private static IReadOnlyList<string> IdList(IQueryCollection query, string name, List<FieldError> errors)
    {
        if (!query.TryGetValue(name, out StringValues values))
        {
            return [];
        }

        var ids = values.SelectMany(static v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray();
        if (ids.Length > MaxListedIds || ids.Any(static id => id.Length > MaxIdLength))
        {
            errors.Add(new FieldError(name, $"must list at most {MaxListedIds} comma-separated ids of at most {MaxIdLength} characters"));
            return [];
        }

        return ids.Distinct(StringComparer.Ordinal).ToArray();
    }

    private static bool? Fail(List<FieldError> errors, string name, string message)
    {
        errors.Add(new FieldError(name, message));
        return null;
    }
}
