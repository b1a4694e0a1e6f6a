using System.Globalization;
using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Api.Recommendations;

/// <summary>
/// Reads an impressions or clicks report. Without a messageId, one is derived from the recommendation, the kind
/// and the products, so a retried report still counts once.
/// </summary>
internal static class FeedbackParser
{
    private const int MaxIdLength = 256;
    private const int MaxImpressions = 100;

    public static RecommendationFeedback? Parse(
        string recommendationId, FeedbackKind kind, JsonElement body, DateTimeOffset receivedAt, List<FieldError> errors)
    {
        if (!RecommendationIds.TryParse(recommendationId, out var placement))
        {
            errors.Add(new FieldError("recommendationId", "is not a recommendation id (as answered by GET /v1/recommendations: rec_{placement}_{32 hex digits}_{five characters per product served})"));
        }

        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new FieldError("body", "must be a JSON object"));
            return null;
        }

        var userId = Id(body, "userId", errors);
        var anonymousId = Id(body, "anonymousId", errors);
        if (userId is null && anonymousId is null && !body.TryGetProperty("userId", out _) && !body.TryGetProperty("anonymousId", out _))
        {
            errors.Add(new FieldError("userId", "userId or anonymousId is required"));
        }

        IReadOnlyList<string> products = kind == FeedbackKind.Impression ? ProductIds(body, errors) : Id(body, "productId", errors) is { } clicked ? [clicked] : Missing(errors);
        int? position = null;
        if (body.TryGetProperty("position", out var p) && p.ValueKind != JsonValueKind.Null)
        {
            if (p.ValueKind == JsonValueKind.Number && p.TryGetInt32(out var value) && value is >= 1 and <= 100)
            {
                position = value;
            }
            else
            {
                errors.Add(new FieldError("position", "must be a whole number from 1 to 100"));
            }
        }

        var timestamp = receivedAt;
        if (body.TryGetProperty("timestamp", out var t) && t.ValueKind != JsonValueKind.Null
            && !(t.ValueKind == JsonValueKind.String && DateTimeOffset.TryParse(t.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out timestamp)))
        {
            errors.Add(new FieldError("timestamp", "must be an ISO 8601 date and time"));
        }

        var messageId = Id(body, "messageId", errors);
        if (errors.Count > 0)
        {
            return null;
        }

        return new RecommendationFeedback(
            recommendationId,
            placement!.Value.Name(),
            kind,
            products,
            messageId ?? DerivedMessageId(recommendationId, kind, products),
            timestamp,
            receivedAt,
            userId,
            anonymousId,
            position);
    }

    private static string DerivedMessageId(string recommendationId, FeedbackKind kind, IReadOnlyList<string> products)
    {
        var hash = XxHash64.HashToUInt64(Encoding.UTF8.GetBytes(string.Join('\n', products.Order(StringComparer.Ordinal))));
        return string.Create(CultureInfo.InvariantCulture, $"{recommendationId}:{(kind == FeedbackKind.Impression ? "impression" : "click")}:{hash:x16}");
    }

    private static string[] ProductIds(JsonElement body, List<FieldError> errors)
    {
        if (!body.TryGetProperty("productIds", out var ids) || ids.ValueKind != JsonValueKind.Array
            || ids.GetArrayLength() is 0 or > MaxImpressions
            || ids.EnumerateArray().Any(static id => id.ValueKind != JsonValueKind.String || id.GetString()!.Length is 0 or > MaxIdLength))
        {
            errors.Add(new FieldError("productIds", $"is required: 1 to {MaxImpressions} product ids shown"));
            return [];
        }

        return ids.EnumerateArray().Select(static id => id.GetString()!).Distinct(StringComparer.Ordinal).ToArray();
    }

    private static string[] Missing(List<FieldError> errors)
    {
        errors.Add(new FieldError("productId", "is required: the product clicked"));
        return [];
    }

    private static string? Id(JsonElement body, string name, List<FieldError> errors)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 and <= MaxIdLength } text)
        {
            return text;
        }

        errors.Add(new FieldError(name, $"must be a string of 1 to {MaxIdLength} characters"));
        return null;
    }
}
