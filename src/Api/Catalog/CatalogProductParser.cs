using System.Text.Json;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Catalog;

namespace Orleans.Personalization.Api.Catalog;

/// <summary>Reads a catalog product from JSON, reporting every problem with the path of its field.</summary>
internal static class CatalogProductParser
{
    public const int MaxIdLength = 256;
    private const int MaxTitleLength = 500;
    private const int MaxCategoryLevels = 10;
    private const int MaxCategoryLength = 200;
    private const int MaxAttributes = 50;
    private const int MaxAttributeNameLength = 100;
    private const int MaxAttributeValueLength = 1000;

    /// <summary>The product id problem, or null when the id is fine.</summary>
    public static string? CheckId(string? id) =>
        string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength ? $"must be 1 to {MaxIdLength} characters" : null;

    /// <summary>The entry, or null with errors added (paths start with <paramref name="path"/>, e.g. "products[2].").</summary>
    public static CatalogEntry? Parse(JsonElement product, string path, List<FieldError> errors)
    {
        var before = errors.Count;
        if (product.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path.Length == 0 ? "body" : path.TrimEnd('.'), "must be a JSON object"));
            return null;
        }

        var title = Member(product, "title") is { ValueKind: JsonValueKind.String } t && t.GetString() is { } text && text.Trim().Length is > 0 and <= MaxTitleLength
            ? text.Trim()
            : Fail<string>(errors, path + "title", $"is required: a string of 1 to {MaxTitleLength} characters");
        var categoryPath = ReadCategoryPath(product, path, errors);
        var price = Member(product, "price") is not { } p
            ? (decimal?)null
            : p.ValueKind == JsonValueKind.Number && p.TryGetDecimal(out var number) && number >= 0
                ? number
                : Fail<decimal?>(errors, path + "price", "must be a number, zero or more");
        var currency = ReadCurrency(product, path, price is not null, errors);
        var inStock = Member(product, "inStock") is not { } s
            ? true
            : s.ValueKind is JsonValueKind.True or JsonValueKind.False ? s.GetBoolean() : Fail<bool>(errors, path + "inStock", "must be true or false");
        var attributes = ReadAttributes(product, path, errors);
        return errors.Count > before ? null : new CatalogEntry(title!, categoryPath, price, currency, inStock, attributes);
    }

    private static IReadOnlyList<string> ReadCategoryPath(JsonElement product, string path, List<FieldError> errors)
    {
        if (Member(product, "categoryPath") is not { } value)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxCategoryLevels
            || value.EnumerateArray().Any(static c => c.ValueKind != JsonValueKind.String || c.GetString()!.Trim().Length is 0 or > MaxCategoryLength))
        {
            errors.Add(new FieldError(path + "categoryPath", $"must be an array of up to {MaxCategoryLevels} category names (1 to {MaxCategoryLength} characters), broadest first"));
            return [];
        }

        return value.EnumerateArray().Select(static c => c.GetString()!.Trim()).ToArray();
    }

    private static string? ReadCurrency(JsonElement product, string path, bool hasPrice, List<FieldError> errors)
    {
        if (Member(product, "currency") is not { } value)
        {
            return hasPrice ? Fail<string>(errors, path + "currency", "is required with a price: a 3-letter ISO 4217 code such as EUR") : null;
        }

        return value.ValueKind == JsonValueKind.String && value.GetString() is { Length: 3 } code && code.All(char.IsAsciiLetter)
            ? code.ToUpperInvariant()
            : Fail<string>(errors, path + "currency", "must be a 3-letter ISO 4217 code such as EUR");
    }

    private static Dictionary<string, JsonElement> ReadAttributes(JsonElement product, string path, List<FieldError> errors)
    {
        var attributes = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (Member(product, "attributes") is not { } value)
        {
            return attributes;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path + "attributes", "must be an object of names to strings, numbers or booleans"));
            return attributes;
        }

        foreach (var attribute in value.EnumerateObject())
        {
            var scalar = attribute.Value.ValueKind is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False;
            if (!scalar || attribute.Name.Length is 0 or > MaxAttributeNameLength || attribute.Value.GetRawText().Length > MaxAttributeValueLength)
            {
                errors.Add(new FieldError($"{path}attributes.{attribute.Name}", $"must be a string, number or boolean (names up to {MaxAttributeNameLength} characters)"));
                continue;
            }

            attributes[attribute.Name] = attribute.Value.Clone();
        }

        if (attributes.Count > MaxAttributes)
        {
            errors.Add(new FieldError(path + "attributes", $"may hold at most {MaxAttributes} attributes"));
        }

        return attributes;
    }

    private static JsonElement? Member(JsonElement parent, string name) =>
        parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static T? Fail<T>(List<FieldError> errors, string field, string message)
    {
        errors.Add(new FieldError(field, message));
        return default;
    }
}
