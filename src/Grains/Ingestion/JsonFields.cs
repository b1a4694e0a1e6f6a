using System.Globalization;
using System.Text.Json;

namespace Orleans.Personalization.Grains.Ingestion;

/// <summary>
/// Typed reads of optional JSON fields. A wrong type is reported into <c>errors</c> when a list is given
/// (validation) and read as absent when it is not (the grain, on already validated input).
/// </summary>
internal static class JsonFields
{
    public static JsonElement? Member(JsonElement? parent, string name) =>
        parent is { ValueKind: JsonValueKind.Object } obj && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? String(JsonElement? parent, string name, string path, List<FieldError>? errors)
    {
        if (Member(parent, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        errors?.Add(new FieldError($"{path}.{name}", "must be a string"));
        return null;
    }

    /// <summary>An identifier: a string, or a number taken as its text (many stores send numeric ids).</summary>
    public static string? Id(JsonElement? parent, string name, string path, List<FieldError>? errors)
    {
        if (Member(parent, name) is not { } value)
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.String when value.GetString() is { Length: > 0 and <= 256 } text:
                return text;
            case JsonValueKind.Number:
                return value.GetRawText();
            default:
                errors?.Add(new FieldError($"{path}.{name}", "must be a non-empty string (or number) of at most 256 characters"));
                return null;
        }
    }

    public static decimal? NonNegativeDecimal(JsonElement? parent, string name, string path, List<FieldError>? errors)
    {
        if (Member(parent, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDecimal(out var number) && number >= 0)
        {
            return number;
        }

        errors?.Add(new FieldError($"{path}.{name}", "must be a number, zero or more"));
        return null;
    }

    public static int? PositiveInt(JsonElement? parent, string name, string path, List<FieldError>? errors)
    {
        if (Member(parent, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 1)
        {
            return number;
        }

        errors?.Add(new FieldError($"{path}.{name}", "must be a whole number, 1 or more"));
        return null;
    }

    public static string? Currency(JsonElement? parent, string path, List<FieldError>? errors)
    {
        var code = String(parent, "currency", path, errors);
        if (code is null)
        {
            return null;
        }

        if (code.Length == 3 && code.All(char.IsAsciiLetter))
        {
            return code.ToUpperInvariant();
        }

        errors?.Add(new FieldError($"{path}.currency", "must be a 3-letter ISO 4217 code such as USD"));
        return null;
    }

    /// <summary>A filter value as text: strings as they are, numbers and booleans as JSON writes them.</summary>
    public static string? Scalar(JsonElement? parent, string name) => Member(parent, name) switch
    {
        { ValueKind: JsonValueKind.String } s => s.GetString(),
        { ValueKind: JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False } v => v.GetRawText(),
        _ => null,
    };

    public static string Index(string path, int index) => string.Create(CultureInfo.InvariantCulture, $"{path}[{index}]");
}
