using Orleans.Personalization.Analytics;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Grains.Ingestion;

namespace Orleans.Personalization.Api.Analytics;

/// <summary>The query string of GET /v1/analytics/metrics: from, to, granularity (hour, day, week) and breakdown.</summary>
internal static class MetricsQueryParser
{
    private static readonly string[] Known = ["from", "to", "granularity", "breakdown"];

    public static MetricsRequest? Parse(IQueryCollection query, DateTimeOffset now, List<FieldError> errors)
    {
        foreach (var name in query.Keys.Where(static k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError(name, $"is not a parameter of this query; known: {string.Join(", ", Known)}"));
        }

        Granularity? granularity = null;
        if (query["granularity"].ToString() is { Length: > 0 } text)
        {
            var validation = new List<ValidationError>();
            granularity = EnumField.TryParse<Granularity>(text, "granularity", validation, out var parsed) ? parsed : null;
            errors.AddRange(validation.Select(static e => new FieldError(e.Field, e.Message)));
        }

        var breakdown = BreakdownText.Parse(query["breakdown"].ToString(), "breakdown", errors);
        var range = TimeRangeText.Parse(query["from"].ToString(), query["to"].ToString(), now, errors);
        if (range is not null && granularity is { } g && TimeBuckets.Count(range, g) > TimeBuckets.MaxBuckets)
        {
            errors.Add(new FieldError("granularity", $"gives {TimeBuckets.Count(range, g)} buckets over this range; at most {TimeBuckets.MaxBuckets}: choose a coarser granularity or a shorter range"));
        }

        return errors.Count > 0 || range is null ? null : new MetricsRequest(range, granularity, breakdown);
    }
}
