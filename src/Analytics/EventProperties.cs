using System.Globalization;
using System.Text.Json;

namespace Orleans.Personalization.Analytics;

public static class EventProperties
{
    /// <summary>
    /// Flattens a JSON object's top-level members into strings so events from the log can be projected
    /// into <see cref="AnalyticsEvent.Properties"/>: strings stay as they are, numbers keep their JSON text
    /// (so "19.90" compares numerically later), booleans become "true"/"false", nulls are dropped and
    /// nested objects or arrays keep their raw JSON.
    /// </summary>
    public static IReadOnlyDictionary<string, string> FromJson(JsonElement properties)
    {
        if (properties.ValueKind != JsonValueKind.Object)
        {
            throw new ArgumentException("Event properties must be a JSON object.", nameof(properties));
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in properties.EnumerateObject())
        {
            var value = member.Value.ValueKind switch
            {
                JsonValueKind.String => member.Value.GetString(),
                JsonValueKind.Number => member.Value.GetRawText(),
                JsonValueKind.True => "true",
                JsonValueKind.False => "false",
                JsonValueKind.Null or JsonValueKind.Undefined => null,
                _ => member.Value.GetRawText(),
            };
            if (value is not null)
            {
                result[member.Name] = value;
            }
        }

        return result;
    }

    internal static bool TryParseNumber(string? text, out double value) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && double.IsFinite(value);
}
