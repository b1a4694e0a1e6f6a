using System.Text.Json;
using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>
/// Applies a PATCH body to the current trigger settings: fields present change, absent ones stay. Unknown
/// fields and badly typed values are errors named by their path (for example "cartAbandonment.delay").
/// </summary>
internal static class TriggerSettingsPatch
{
    private static readonly string[] TopLevel =
        ["holdoutPercent", "recommendedProducts", "cartAbandonment", "browseAbandonment", "highIntent", "priceDrop", "backInStock", "lapsingCustomer"];

    public static TriggerSettings Apply(TriggerSettings current, JsonElement body, JsonObjectReader read)
    {
        read.RejectUnknown(body, "", TopLevel, $"is not a trigger setting; known: {string.Join(", ", TopLevel)}");
        return current with
        {
            HoldoutPercent = read.Number(body, "holdoutPercent", "") ?? current.HoldoutPercent,
            RecommendedProducts = read.Int(body, "recommendedProducts", "") ?? current.RecommendedProducts,
            CartAbandonment = Section(body, "cartAbandonment", read, current.CartAbandonment, ["enabled", "delay"], (o, p, s) => s with
            {
                Enabled = read.Bool(o, "enabled", p) ?? s.Enabled,
                Delay = read.Duration(o, "delay", p) ?? s.Delay,
            }),
            BrowseAbandonment = Section(body, "browseAbandonment", read, current.BrowseAbandonment, ["enabled", "minViews", "window", "delay"], (o, p, s) => s with
            {
                Enabled = read.Bool(o, "enabled", p) ?? s.Enabled,
                MinViews = read.Int(o, "minViews", p) ?? s.MinViews,
                Window = read.Duration(o, "window", p) ?? s.Window,
                Delay = read.Duration(o, "delay", p) ?? s.Delay,
            }),
            HighIntent = Section(body, "highIntent", read, current.HighIntent, ["enabled", "threshold", "cooldown"], (o, p, s) => s with
            {
                Enabled = read.Bool(o, "enabled", p) ?? s.Enabled,
                Threshold = read.Number(o, "threshold", p) ?? s.Threshold,
                Cooldown = read.Duration(o, "cooldown", p) ?? s.Cooldown,
            }),
            PriceDrop = Section(body, "priceDrop", read, current.PriceDrop, ["enabled", "minDropPercent"], (o, p, s) => s with
            {
                Enabled = read.Bool(o, "enabled", p) ?? s.Enabled,
                MinDropPercent = read.Number(o, "minDropPercent", p) ?? s.MinDropPercent,
            }),
            BackInStock = Section(body, "backInStock", read, current.BackInStock, ["enabled"], (o, p, s) => s with
            {
                Enabled = read.Bool(o, "enabled", p) ?? s.Enabled,
            }),
            LapsingCustomer = Section(body, "lapsingCustomer", read, current.LapsingCustomer, ["enabled", "minLoyalty", "inactiveDays"], (o, p, s) => s with
            {
                Enabled = read.Bool(o, "enabled", p) ?? s.Enabled,
                MinLoyalty = read.Int(o, "minLoyalty", p) ?? s.MinLoyalty,
                InactiveDays = read.Int(o, "inactiveDays", p) ?? s.InactiveDays,
            }),
        };
    }

    private static T Section<T>(JsonElement body, string name, JsonObjectReader read, T current, string[] fields, Func<JsonElement, string, T, T> apply)
    {
        if (JsonObjectReader.Member(body, name) is not { } section)
        {
            return current;
        }

        if (section.ValueKind != JsonValueKind.Object)
        {
            read.Errors.Add(new(name, "must be an object"));
            return current;
        }

        read.RejectUnknown(section, name, fields, $"is not a setting of {name}; known: {string.Join(", ", fields)}");
        return apply(section, name, current);
    }
}
