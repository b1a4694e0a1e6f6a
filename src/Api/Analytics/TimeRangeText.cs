using System.Globalization;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Grains.Ingestion;

namespace Orleans.Personalization.Api.Analytics;

/// <summary>The "from" and "to" of a query: ISO 8601 times; by default the 30 days up to now; at most 400 days long.</summary>
internal static class TimeRangeText
{
    public static readonly TimeSpan DefaultLength = TimeSpan.FromDays(30);
    public static readonly TimeSpan MaxLength = TimeSpan.FromDays(400);

    public static TimeRange? Parse(string? from, string? to, DateTimeOffset now, List<FieldError> errors)
    {
        var end = Time(to, "to", errors) ?? now;
        var start = Time(from, "from", errors) ?? end - DefaultLength;
        if (errors.Count > 0)
        {
            return null;
        }

        if (start >= end)
        {
            errors.Add(new FieldError("to", "must be later than from"));
            return null;
        }

        if (end - start > MaxLength)
        {
            errors.Add(new FieldError("from", $"the range may span at most {MaxLength.TotalDays} days"));
            return null;
        }

        return new TimeRange(start, end);
    }

    private static DateTimeOffset? Time(string? text, string field, List<FieldError> errors)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var time))
        {
            return time;
        }

        errors.Add(new FieldError(field, "must be an ISO 8601 time such as 2026-06-01T00:00:00Z"));
        return null;
    }
}
