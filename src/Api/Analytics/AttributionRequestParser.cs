using System.Text.Json;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Analytics.Attribution;
using Orleans.Personalization.Api.Triggers;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Grains.Ingestion;

namespace Orleans.Personalization.Api.Analytics;

/// <summary>
/// An attribution query, from a query string (GET) or a JSON body (POST) with the same names: model
/// (firstTouch, lastTouch, linear, timeDecay, positionBased), lookback, halfLife, dimension (source,
/// sourceMedium, sourceMediumCampaign, campaign, referrer), conversionEvent, from, to.
/// </summary>
internal static class AttributionRequestParser
{
    private static readonly string[] Known = ["model", "lookback", "halfLife", "dimension", "conversionEvent", "from", "to"];

    public static (AttributionOptions Options, TimeRange Range)? Parse(IQueryCollection query, DateTimeOffset now, List<FieldError> errors)
    {
        foreach (var name in query.Keys.Where(static k => !Known.Contains(k, StringComparer.Ordinal)))
        {
            errors.Add(new FieldError(name, $"is not a parameter of this query; known: {string.Join(", ", Known)}"));
        }

        return Build(name => query[name].ToString() is { Length: > 0 } text ? text : null, now, errors);
    }

    public static (AttributionOptions Options, TimeRange Range)? Parse(JsonElement body, DateTimeOffset now, List<FieldError> errors)
    {
        var read = new JsonObjectReader(errors);
        read.RejectUnknown(body, "", Known, $"is not a field of an attribution query; known: {string.Join(", ", Known)}");
        string? Text(string name) => JsonObjectReader.Member(body, name) switch
        {
            null => null,
            { ValueKind: JsonValueKind.String } s => s.GetString(),
            { ValueKind: JsonValueKind.Number } n when name is "lookback" or "halfLife" => n.GetRawText(),
            _ => read.String(body, name, ""),
        };
        return Build(Text, now, errors);
    }

    private static (AttributionOptions Options, TimeRange Range)? Build(Func<string, string?> text, DateTimeOffset now, List<FieldError> errors)
    {
        var defaults = new AttributionOptions();
        var validation = new List<ValidationError>();
        var model = text("model") is { } m && EnumField.TryParse<AttributionModel>(m, "model", validation, out var parsedModel) ? parsedModel : defaults.Model;
        var dimension = text("dimension") is { } d && EnumField.TryParse<ChannelDimension>(d, "dimension", validation, out var parsedDimension) ? parsedDimension : defaults.Dimension;
        errors.AddRange(validation.Select(static e => new FieldError(e.Field, e.Message)));
        var options = defaults with
        {
            Model = model,
            Dimension = dimension,
            Lookback = Duration(text("lookback"), "lookback", defaults.Lookback, errors),
            HalfLife = Duration(text("halfLife"), "halfLife", defaults.HalfLife, errors),
            ConversionEvent = text("conversionEvent") ?? defaults.ConversionEvent,
        };
        var range = TimeRangeText.Parse(text("from"), text("to"), now, errors);
        if (errors.Count == 0)
        {
            errors.AddRange(options.Validate().Select(static e => new FieldError(e.Field, e.Message)));
        }

        return errors.Count > 0 || range is null ? null : (options, range);
    }

    private static TimeSpan Duration(string? text, string field, TimeSpan fallback, List<FieldError> errors)
    {
        if (text is null)
        {
            return fallback;
        }

        if (DurationText.TryParse(text, out var value))
        {
            return value;
        }

        errors.Add(new FieldError(field, DurationText.Hint));
        return fallback;
    }
}
