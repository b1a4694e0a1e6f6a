using System.Text.Json;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces.Messages;

namespace Orleans.Personalization.Grains.Ingestion;

/// <summary>
/// Maps a Segment message onto the shopper's journal events, following Segment's e-commerce v2 spec. One
/// reading serves both sides: the API validates with it (collecting errors that name the field) and the
/// grain maps with it (on input already validated), so the two can never disagree about a field.
/// </summary>
public static class ShopperEventReader
{
    public const string ProductViewedName = "Product Viewed";
    public const string ProductAddedName = "Product Added";
    public const string ProductRemovedName = "Product Removed";
    public const string ProductsSearchedName = "Products Searched";
    public const string ProductListFilteredName = "Product List Filtered";
    public const string CheckoutStartedName = "Checkout Started";
    public const string OrderCompletedName = "Order Completed";
    private const string Properties = "properties";

    /// <summary>The problems with a message's e-commerce fields, paths prefixed with <paramref name="pathPrefix"/>.</summary>
    public static IReadOnlyList<FieldError> Validate(TrackedMessage message, string pathPrefix = "")
    {
        var errors = new List<FieldError>();
        Map(message, errors);
        return errors.Select(e => e with { Field = pathPrefix + e.Field }).ToArray();
    }

    /// <summary>The journal event for a message (alias messages have none: they are merges).</summary>
    public static ShopperEvent Read(TrackedMessage message) => Map(message, errors: null);

    private static ShopperEvent Map(TrackedMessage message, List<FieldError>? errors)
    {
        var properties = message.Properties;
        return message.Kind switch
        {
            MessageKind.Track => MapTrack(message, properties, errors),
            MessageKind.Page or MessageKind.Screen => Stamp(new PageViewed
            {
                MessageId = message.MessageId,
                Timestamp = message.Timestamp,
                Name = message.Name,
                Category = JsonFields.String(properties, "category", Properties, errors),
                IsScreen = message.Kind == MessageKind.Screen,
            }, message),
            MessageKind.Identify or MessageKind.Group => Stamp(new Identified
            {
                MessageId = message.MessageId,
                Timestamp = message.Timestamp,
                Traits = message.Traits,
                GroupId = message.Kind == MessageKind.Group ? message.Name : null,
            }, message),
            _ => Stamp(new CustomEvent { MessageId = message.MessageId, Timestamp = message.Timestamp, Name = message.Kind.ToString() }, message),
        };
    }

    private static ShopperEvent MapTrack(TrackedMessage message, JsonElement? properties, List<FieldError>? errors)
    {
        var name = message.Name ?? "";
        ShopperEvent mapped = name switch
        {
            _ when Is(name, ProductViewedName) => ReadProduct(properties, Properties, errors) is { } viewed
                ? new ProductViewed { MessageId = message.MessageId, Timestamp = message.Timestamp, Product = viewed }
                : Custom(message),
            _ when Is(name, ProductAddedName) => ReadProduct(properties, Properties, errors) is { } added
                ? new ProductAdded
                {
                    MessageId = message.MessageId,
                    Timestamp = message.Timestamp,
                    Product = added,
                    Quantity = added.Quantity ?? 1,
                    Currency = JsonFields.Currency(properties, Properties, errors),
                }
                : Custom(message),
            _ when Is(name, ProductRemovedName) => ReadProduct(properties, Properties, errors) is { } removed
                ? new ProductRemoved { MessageId = message.MessageId, Timestamp = message.Timestamp, Product = removed, Quantity = removed.Quantity }
                : Custom(message),
            _ when Is(name, ProductsSearchedName) => ReadQuery(properties, errors) is { } query
                ? new ProductsSearched { MessageId = message.MessageId, Timestamp = message.Timestamp, Query = query }
                : Custom(message),
            _ when Is(name, ProductListFilteredName) => new ProductListFiltered
            {
                MessageId = message.MessageId,
                Timestamp = message.Timestamp,
                ListId = JsonFields.Id(properties, "list_id", Properties, errors),
                Category = JsonFields.String(properties, "category", Properties, errors),
                Filters = ReadFilters(properties, errors),
            },
            _ when Is(name, CheckoutStartedName) => new CheckoutStarted
            {
                MessageId = message.MessageId,
                Timestamp = message.Timestamp,
                OrderId = JsonFields.Id(properties, "order_id", Properties, errors),
                Value = JsonFields.NonNegativeDecimal(properties, "value", Properties, errors)
                    ?? JsonFields.NonNegativeDecimal(properties, "revenue", Properties, errors),
                Currency = JsonFields.Currency(properties, Properties, errors),
                Products = ReadProducts(properties, errors),
            },
            _ when Is(name, OrderCompletedName) => ReadOrder(message, properties, errors),
            _ => Custom(message),
        };
        return Stamp(mapped, message);
    }

    private static ShopperEvent ReadOrder(TrackedMessage message, JsonElement? properties, List<FieldError>? errors)
    {
        var orderId = JsonFields.Id(properties, "order_id", Properties, errors);
        if (orderId is null && JsonFields.Member(properties, "order_id") is null)
        {
            errors?.Add(new FieldError("properties.order_id", "is required for Order Completed"));
        }

        var products = ReadProducts(properties, errors);
        var revenue = JsonFields.NonNegativeDecimal(properties, "revenue", Properties, errors)
            ?? JsonFields.NonNegativeDecimal(properties, "total", Properties, errors)
            ?? products.Sum(p => (p.Price ?? 0) * (p.Quantity ?? 1));
        var currency = JsonFields.Currency(properties, Properties, errors) ?? "USD";
        return orderId is null
            ? Custom(message)
            : new OrderCompleted
            {
                MessageId = message.MessageId,
                Timestamp = message.Timestamp,
                OrderId = orderId,
                Revenue = revenue,
                Currency = currency,
                Products = products,
            };
    }

    private static ProductLine? ReadProduct(JsonElement? source, string path, List<FieldError>? errors)
    {
        var id = JsonFields.Id(source, "product_id", path, errors)
            ?? JsonFields.Id(source, "sku", path, errors)
            ?? JsonFields.Id(source, "id", path, errors);
        var line = new ProductLine(
            id ?? "",
            JsonFields.Id(source, "sku", path, null),
            JsonFields.String(source, "name", path, errors),
            JsonFields.String(source, "category", path, errors),
            JsonFields.String(source, "brand", path, errors),
            JsonFields.String(source, "variant", path, errors),
            JsonFields.NonNegativeDecimal(source, "price", path, errors),
            JsonFields.PositiveInt(source, "quantity", path, errors));
        if (id is not null)
        {
            return line;
        }

        if (JsonFields.Member(source, "product_id") is null && JsonFields.Member(source, "sku") is null)
        {
            errors?.Add(new FieldError($"{path}.product_id", "is required (or sku)"));
        }

        return null;
    }

    private static IReadOnlyList<ProductLine> ReadProducts(JsonElement? properties, List<FieldError>? errors)
    {
        if (JsonFields.Member(properties, "products") is not { } products)
        {
            return [];
        }

        if (products.ValueKind != JsonValueKind.Array)
        {
            errors?.Add(new FieldError("properties.products", "must be an array of products"));
            return [];
        }

        var lines = new List<ProductLine>(products.GetArrayLength());
        var index = 0;
        foreach (var product in products.EnumerateArray())
        {
            var path = JsonFields.Index("properties.products", index++);
            if (product.ValueKind != JsonValueKind.Object)
            {
                errors?.Add(new FieldError(path, "must be an object"));
                continue;
            }

            if (ReadProduct(product, path, errors) is { } line)
            {
                lines.Add(line);
            }
        }

        return lines;
    }

    private static string? ReadQuery(JsonElement? properties, List<FieldError>? errors)
    {
        var query = JsonFields.String(properties, "query", Properties, errors);
        if (string.IsNullOrWhiteSpace(query))
        {
            if (JsonFields.Member(properties, "query") is null || query is not null)
            {
                errors?.Add(new FieldError("properties.query", "is required for Products Searched"));
            }

            return null;
        }

        return query.Trim();
    }

    private static IReadOnlyList<FilterSelection> ReadFilters(JsonElement? properties, List<FieldError>? errors)
    {
        if (JsonFields.Member(properties, "filters") is not { } filters)
        {
            return [];
        }

        if (filters.ValueKind != JsonValueKind.Array)
        {
            errors?.Add(new FieldError("properties.filters", "must be an array of {type, value}"));
            return [];
        }

        var selections = new List<FilterSelection>();
        var index = 0;
        foreach (var filter in filters.EnumerateArray())
        {
            var path = JsonFields.Index("properties.filters", index++);
            var type = JsonFields.String(filter, "type", path, errors);
            var value = JsonFields.Scalar(filter, "value");
            if (type is null || value is null)
            {
                errors?.Add(new FieldError(path, "needs a string type and a string, number or boolean value"));
                continue;
            }

            selections.Add(new FilterSelection(type, value));
        }

        return selections;
    }

    private static CustomEvent Custom(TrackedMessage message) =>
        new() { MessageId = message.MessageId, Timestamp = message.Timestamp, Name = message.Name ?? "" };

    private static bool Is(string name, string specName) => string.Equals(name, specName, StringComparison.OrdinalIgnoreCase);

    /// <summary>Copies what every event carries from its message.</summary>
    private static ShopperEvent Stamp(ShopperEvent mapped, TrackedMessage message) => mapped with
    {
        ReceivedAt = message.ReceivedAt,
        UserId = message.UserId,
        AnonymousId = message.AnonymousId,
        Context = message.Context,
        Properties = message.Properties,
    };
}
