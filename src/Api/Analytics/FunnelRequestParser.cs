using System.Text.Json;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Analytics.Funnels;
using Orleans.Personalization.Api.Triggers;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Grains.Ingestion;

namespace Orleans.Personalization.Api.Analytics;

/// <summary>
/// The body of POST /v1/analytics/funnels: steps (event and filters), order, window, exclusions, breakdown and time
/// range. Every bad field is reported with its path; the limits (1 to 20 steps, a window from 1 second to 365
/// days, exclusions only between steps of ordered and strict funnels) are FunnelDefinition's own.
/// </summary>
internal static class FunnelRequestParser
{
    private static readonly string[] Fields = ["steps", "order", "window", "exclusions", "breakdown", "from", "to"];
    private static readonly string[] StepFields = ["event", "filters", "label"];
    private static readonly string[] ExclusionFields = ["event", "filters", "fromStep", "toStep"];

    public static (FunnelDefinition Definition, TimeRange Range)? Parse(JsonElement body, DateTimeOffset now, List<FieldError> errors)
    {
        var read = new JsonObjectReader(errors);
        read.RejectUnknown(body, "", Fields, $"is not a field of a funnel; known: {string.Join(", ", Fields)}");
        var steps = Steps(body, read);
        var order = FunnelOrder.Ordered;
        if (read.String(body, "order", "") is { } orderText)
        {
            var validation = new List<ValidationError>();
            if (!EnumField.TryParse(orderText, "order", validation, out order))
            {
                errors.AddRange(validation.Select(static e => new FieldError(e.Field, e.Message)));
            }
        }

        var window = FunnelDefinition.DefaultWindow;
        if (JsonObjectReader.Member(body, "window") is { } windowValue && !DurationText.TryParse(windowValue, out window))
        {
            errors.Add(new FieldError("window", DurationText.Hint));
        }

        var exclusions = Exclusions(body, read, steps.Count);
        var breakdown = BreakdownText.Parse(read.String(body, "breakdown", ""), "breakdown", errors);
        var range = TimeRangeText.Parse(read.String(body, "from", ""), read.String(body, "to", ""), now, errors);

        // The definition's own rules run even after a shape error, so one answer names every bad field.
        var definition = new FunnelDefinition(steps) { Order = order, Window = window, Exclusions = exclusions, Breakdown = breakdown };
        var reported = errors.Select(static e => e.Field).ToHashSet(StringComparer.Ordinal);
        errors.AddRange(definition.Validate().Where(e => !reported.Contains(e.Field)).Select(static e => new FieldError(e.Field, e.Message)));
        return errors.Count > 0 || range is null ? null : (definition, range);
    }

    private static List<FunnelStep> Steps(JsonElement body, JsonObjectReader read)
    {
        var steps = new List<FunnelStep>();
        if (JsonObjectReader.Member(body, "steps") is not { } value)
        {
            return steps;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            read.Errors.Add(new FieldError("steps", "must be an array of steps"));
            return steps;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"steps[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                read.Errors.Add(new FieldError(path, "must be an object with an event"));
                continue;
            }

            read.RejectUnknown(item, path, StepFields, "is not a field of a step; known: event, filters, label");
            steps.Add(new FunnelStep(read.String(item, "event", path)!, FilterJson.Parse(item, "filters", path, read.Errors), read.String(item, "label", path)));
        }

        return steps;
    }

    private static List<FunnelExclusion> Exclusions(JsonElement body, JsonObjectReader read, int stepCount)
    {
        var exclusions = new List<FunnelExclusion>();
        if (JsonObjectReader.Member(body, "exclusions") is not { } value)
        {
            return exclusions;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            read.Errors.Add(new FieldError("exclusions", "must be an array of exclusions"));
            return exclusions;
        }

        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = $"exclusions[{index++}]";
            if (item.ValueKind != JsonValueKind.Object)
            {
                read.Errors.Add(new FieldError(path, "must be an object with event, fromStep and toStep"));
                continue;
            }

            read.RejectUnknown(item, path, ExclusionFields, "is not a field of an exclusion; known: event, filters, fromStep, toStep");
            // Without steps named, an excluded event anywhere between the first and the last step removes the attempt.
            var fromStep = read.Int(item, "fromStep", path) ?? 0;
            var toStep = read.Int(item, "toStep", path) ?? Math.Max(stepCount - 1, fromStep + 1);
            exclusions.Add(new FunnelExclusion(read.String(item, "event", path)!, fromStep, toStep) { Filters = FilterJson.Parse(item, "filters", path, read.Errors) });
        }

        return exclusions;
    }
}
