using System.Globalization;
using System.Text.Json;
using Orleans.Personalization.Grains.Ingestion;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>
/// Typed reads of the fields of a JSON object in a request body, collecting one error per bad field
/// (named by its path) instead of failing at the first, so a problem detail can list them all.
/// </summary>
internal sealed class JsonObjectReader(List<FieldError> errors)
{
    public const int MaxBodyBytes = 16 * 1024;

    public List<FieldError> Errors { get; } = errors;

    /// <summary>Reads a small JSON object body; null (with an error for "body") when it is not one.</summary>
    public static async Task<JsonDocument?> ReadBodyAsync(HttpRequest request, List<FieldError> errors, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            errors.Add(new FieldError("body", $"must be at most {MaxBodyBytes} bytes"));
            return null;
        }

        try
        {
            using var limited = new MemoryStream();
            await request.Body.CopyToAsync(limited, cancellationToken);
            if (limited.Length > MaxBodyBytes)
            {
                errors.Add(new FieldError("body", $"must be at most {MaxBodyBytes} bytes"));
                return null;
            }

            limited.Position = 0;
            var document = await JsonDocument.ParseAsync(limited, cancellationToken: cancellationToken);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                return document;
            }

            document.Dispose();
        }
        catch (JsonException)
        {
        }

        errors.Add(new FieldError("body", "must be a JSON object"));
        return null;
    }

    /// <summary>Adds an error for every member of <paramref name="obj"/> not in <paramref name="known"/>.</summary>
    public void RejectUnknown(JsonElement obj, string path, IReadOnlyCollection<string> known, string hint)
    {
        foreach (var property in obj.EnumerateObject())
        {
            if (!known.Contains(property.Name))
            {
                Errors.Add(new FieldError(Path(path, property.Name), hint));
            }
        }
    }

    public bool? Bool(JsonElement obj, string name, string path) =>
        Member(obj, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.True } => true,
            { ValueKind: JsonValueKind.False } => false,
            _ => Fail<bool?>(path, name, "must be true or false"),
        };

    public int? Int(JsonElement obj, string name, string path) =>
        Member(obj, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number
        : Fail<int?>(path, name, "must be a whole number");

    public double? Number(JsonElement obj, string name, string path) =>
        Member(obj, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var number) ? number
        : Fail<double?>(path, name, "must be a number");

    public string? String(JsonElement obj, string name, string path) =>
        Member(obj, name) is not { } value ? null
        : value.ValueKind == JsonValueKind.String ? value.GetString()
        : Fail<string?>(path, name, "must be a string");

    /// <summary>A duration: a string such as "00:30:00" or "1.00:00:00", or a number of seconds.</summary>
    public TimeSpan? Duration(JsonElement obj, string name, string path)
    {
        if (Member(obj, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && Math.Abs(seconds) < TimeSpan.MaxValue.TotalSeconds)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        if (value.ValueKind == JsonValueKind.String && TimeSpan.TryParse(value.GetString(), CultureInfo.InvariantCulture, out var parsed))
        {
            return parsed;
        }

        return Fail<TimeSpan?>(path, name, "must be a duration such as \"00:30:00\" (hh:mm:ss, or d.hh:mm:ss) or a number of seconds");
    }

    /// <summary>An array of strings; each bad element is reported as path.name[i].</summary>
    public IReadOnlyList<string>? Strings(JsonElement obj, string name, string path)
    {
        if (Member(obj, name) is not { } value)
        {
            return null;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            return Fail<IReadOnlyList<string>?>(path, name, "must be an array of strings");
        }

        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                items.Add(item.GetString()!);
            }
            else
            {
                Errors.Add(new FieldError($"{Path(path, name)}[{index}]", "must be a string"));
            }

            index++;
        }

        return items;
    }

    public static JsonElement? Member(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string Path(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    private T Fail<T>(string path, string name, string message)
    {
        Errors.Add(new FieldError(Path(path, name), message));
        return default!;
    }
}
