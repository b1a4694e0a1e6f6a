using System.Text.Json;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Api.Triggers;
using Orleans.Personalization.Grains.Ingestion;

namespace Orleans.Personalization.Api.Analytics;

/// <summary>
/// Property conditions in JSON (funnel step filters, experiment and flag targeting):
/// {"property": "category", "operator": "equals", "value": "Shoes"}; "in" and "notIn" take "values": [...].
/// Values may be strings, numbers or booleans; they are compared as text, or as numbers by the numeric operators.
/// </summary>
internal static class FilterJson
{
    private static readonly string[] Fields = ["property", "operator", "value", "values"];

    public static List<PropertyFilter>? Parse(JsonElement obj, string name, string path, List<FieldError> errors)
    {
        if (JsonObjectReader.Member(obj, name) is not { } value)
        {
            return null;
        }

        var at = JsonObjectReader.Path(path, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new FieldError(at, "must be an array of conditions"));
            return null;
        }

        var filters = new List<PropertyFilter>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (One(item, $"{at}[{index++}]", errors) is { } filter)
            {
                filters.Add(filter);
            }
        }

        return filters;
    }

    private static PropertyFilter? One(JsonElement item, string path, List<FieldError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError(path, "must be an object with property, operator and value"));
            return null;
        }

        var read = new JsonObjectReader(errors);
        read.RejectUnknown(item, path, Fields, "is not a field of a condition; known: property, operator, value, values");
        var property = read.String(item, "property", path);
        var operatorText = read.String(item, "operator", path) ?? "equals";
        var validation = new List<ValidationError>();
        if (!EnumField.TryParse<FilterOperator>(operatorText, JsonObjectReader.Path(path, "operator"), validation, out var op))
        {
            errors.AddRange(validation.Select(static e => new FieldError(e.Field, e.Message)));
            return null;
        }

        var single = JsonObjectReader.Member(item, "value") is { } v ? Scalar(v, JsonObjectReader.Path(path, "value"), errors) : null;
        List<string>? values = null;
        if (JsonObjectReader.Member(item, "values") is { } list)
        {
            if (list.ValueKind != JsonValueKind.Array)
            {
                errors.Add(new FieldError(JsonObjectReader.Path(path, "values"), "must be an array"));
            }
            else
            {
                values = list.EnumerateArray().Select((x, i) => Scalar(x, $"{JsonObjectReader.Path(path, "values")}[{i}]", errors) ?? "").ToList();
            }
        }

        return new PropertyFilter(property!, op, single) { Values = values };
    }

    private static string? Scalar(JsonElement value, string path, List<FieldError> errors)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                return value.GetRawText();
            case JsonValueKind.True:
                return "true";
            case JsonValueKind.False:
                return "false";
            default:
                errors.Add(new FieldError(path, "must be a string, a number or true/false"));
                return null;
        }
    }

    /// <summary>A condition as answers write it.</summary>
    public static object View(PropertyFilter filter) => new
    {
        property = filter.Property,
        @operator = char.ToLowerInvariant(filter.Operator.ToString()[0]) + filter.Operator.ToString()[1..],
        value = filter.Value,
        values = filter.Values,
    };
}
