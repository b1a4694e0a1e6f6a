using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces;

namespace Orleans.Personalization.Api.Experiments;

/// <summary>The shopper of a query string: userId, else anonymousId (Segment's identity rule), as a shopper key.</summary>
internal static class ShopperQuery
{
    private const int MaxIdLength = 256;

    public static string? Parse(string? userId, string? anonymousId, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(userId) && string.IsNullOrEmpty(anonymousId))
        {
            errors.Add(new FieldError("userId", "userId or anonymousId is required"));
            return null;
        }

        var (field, id) = string.IsNullOrEmpty(userId) ? ("anonymousId", anonymousId!) : ("userId", userId);
        if (id.Length > MaxIdLength)
        {
            errors.Add(new FieldError(field, $"must be at most {MaxIdLength} characters"));
            return null;
        }

        return field == "userId" ? ShopperKey.ForUser(id) : ShopperKey.ForAnonymous(id);
    }

    /// <summary>The userId or anonymousId of a shopper key, as answers name them.</summary>
    public static object Describe(string shopperKey) => ShopperKey.IsAnonymous(shopperKey)
        ? new { anonymousId = ShopperKey.IdOf(shopperKey) }
        : new { userId = ShopperKey.IdOf(shopperKey) };
}
