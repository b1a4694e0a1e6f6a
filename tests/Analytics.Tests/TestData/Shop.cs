using System.Text.Json;
using Orleans.Personalization.Analytics.Funnels;

namespace Orleans.Personalization.Analytics.Tests.TestData;

/// <summary>Builds small hand-made event streams: who did what, how long after <see cref="Start"/>.</summary>
internal static class Shop
{
    public const string Viewed = "Product Viewed";
    public const string Added = "Product Added";
    public const string Checkout = "Checkout Started";
    public const string Purchased = "Order Completed";
    public const string PageViewed = "Page Viewed";
    public const string Searched = "Products Searched";
    public const string CouponRemoved = "Coupon Removed";

    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static AnalyticsEvent Event(string person, string name, TimeSpan at, string session = "s1") =>
        new(person, $"{person}/{session}", Start + at, name);

    public static AnalyticsEvent With(this AnalyticsEvent e, string property, string value)
    {
        var properties = new Dictionary<string, string>(e.Properties) { [property] = value };
        return e with { Properties = properties };
    }

    public static TimeSpan Min(double minutes) => TimeSpan.FromMinutes(minutes);

    public static TimeSpan Days(double days) => TimeSpan.FromDays(days);

    public static FunnelDefinition Funnel(params string[] steps) => new(steps.Select(s => new FunnelStep(s)).ToArray());

    public static int[] Entered(this FunnelResult result) => result.Steps.Select(s => s.Entered).ToArray();

    /// <summary>A canonical text form, so two results compare field by field.</summary>
    public static string ToJson(this FunnelResult result) => JsonSerializer.Serialize(result);
}
