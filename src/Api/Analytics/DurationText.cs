using System.Globalization;
using System.Text.Json;

namespace Orleans.Personalization.Api.Analytics;

/// <summary>
/// Durations as requests write them: "14d", "36h", "30m", "45s", a TimeSpan ("1.00:00:00", "00:30:00"), or a
/// number of seconds (in JSON, a number; in a query string, digits).
/// </summary>
internal static class DurationText
{
    public const string Hint = "must be a duration such as \"14d\", \"12h\", \"30m\", \"00:30:00\" or a number of seconds";

    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = default;
        text = text?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var unit = text[^1];
        if (unit is 'd' or 'h' or 'm' or 's' && double.TryParse(text[..^1], NumberStyles.Float, CultureInfo.InvariantCulture, out var amount))
        {
            return TryFrom(amount * unit switch { 'd' => 86_400, 'h' => 3_600, 'm' => 60, _ => 1 }, out value);
        }

        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return TryFrom(seconds, out value);
        }

        return TimeSpan.TryParse(text, CultureInfo.InvariantCulture, out value);
    }

    public static bool TryParse(JsonElement element, out TimeSpan value)
    {
        value = default;
        return element.ValueKind switch
        {
            JsonValueKind.Number => element.TryGetDouble(out var seconds) && TryFrom(seconds, out value),
            JsonValueKind.String => TryParse(element.GetString(), out value),
            _ => false,
        };
    }

    private static bool TryFrom(double seconds, out TimeSpan value)
    {
        value = default;
        if (!double.IsFinite(seconds) || Math.Abs(seconds) >= TimeSpan.MaxValue.TotalSeconds)
        {
            return false;
        }

        value = TimeSpan.FromSeconds(seconds);
        return true;
    }
}
