namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>The trigger types, as they appear on the wire (SSE event names, webhook filters, RabbitMQ routing keys).</summary>
public static class TriggerTypes
{
    public const string CartAbandonment = "cart_abandonment";
    public const string BrowseAbandonment = "browse_abandonment";
    public const string HighIntent = "high_intent";
    public const string PriceDrop = "price_drop";
    public const string BackInStock = "back_in_stock";
    public const string LapsingCustomer = "lapsing_customer";

    public static IReadOnlyList<string> All { get; } =
        [CartAbandonment, BrowseAbandonment, HighIntent, PriceDrop, BackInStock, LapsingCustomer];

    public static bool IsKnown(string type) => All.Contains(type, StringComparer.Ordinal);
}
