using System.Globalization;
using System.Text.Json;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Profiles;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>
/// What targeting conditions test: live profile fields under fixed names, and each top-level trait both as
/// "traits.{name}" and, unless a profile field has that name, as "{name}". Values are text; numbers use the
/// invariant culture, so numeric operators (greaterOrEqual...) compare them as numbers.
/// </summary>
public static class TargetingAttributeBuilder
{
    public static IReadOnlyDictionary<string, string> Build(string shopperKey, ShopperState state, DateTimeOffset now)
    {
        var profile = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["known"] = ShopperKey.IsAnonymous(shopperKey) ? "false" : "true",
            ["loyaltyScore"] = Number(LoyaltyScore.Compute(state.Purchases, now).Score),
            ["orders"] = Number(state.Purchases.Orders),
            ["revenue"] = Number(state.Purchases.MainCurrency() is { } currency ? state.Purchases.ByCurrency[currency].Revenue : 0m),
            ["sessions"] = Number(state.Sessions.Count),
            ["eventCount"] = Number(state.EventCount),
            ["cartItems"] = Number(state.Cart.Lines.Sum(static l => l.Quantity)),
            ["cartValue"] = Number(state.Cart.Value()),
        };
        if (state.FirstSeen > 0)
        {
            profile["daysSinceFirstSeen"] = Number((int)((now.ToUnixTimeMilliseconds() - state.FirstSeen) / 86_400_000));
        }

        AddTouch(profile, "firstTouch", state.FirstTouch);
        AddTouch(profile, "lastTouch", state.LastTouch);
        if (state.Traits is { } traits)
        {
            using var document = JsonDocument.Parse(traits);
            foreach (var (name, value) in EventProperties.FromJson(document.RootElement))
            {
                profile[$"traits.{name}"] = value;
                profile.TryAdd(name, value);
            }
        }

        return profile;
    }

    private static void AddTouch(Dictionary<string, string> profile, string prefix, CampaignTouch? touch)
    {
        if (touch?.Source is { } source)
        {
            profile[$"{prefix}Source"] = source;
        }

        if (touch?.Medium is { } medium)
        {
            profile[$"{prefix}Medium"] = medium;
        }

        if (touch?.Name is { } campaign)
        {
            profile[$"{prefix}Campaign"] = campaign;
        }
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);
}
