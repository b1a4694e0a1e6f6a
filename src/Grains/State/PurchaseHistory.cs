namespace Orleans.Personalization.Grains.State;

/// <summary>
/// Completed orders: counts and revenue per currency, first and last order time, and the latest order ids so
/// an order reported twice (under two messageIds) counts once.
/// </summary>
public sealed class PurchaseHistory
{
    public const int RememberedOrderIds = 50;

    public int Orders { get; set; }

    public Dictionary<string, CurrencyTotal> ByCurrency { get; set; } = [];

    public long FirstOrderAt { get; set; }

    public long LastOrderAt { get; set; }

    public List<string> RecentOrderIds { get; set; } = [];

    public bool HasOrder(string orderId) => RecentOrderIds.Contains(orderId);

    public void Add(string orderId, decimal revenue, string currency, long atMs)
    {
        Orders++;
        if (!ByCurrency.TryGetValue(currency, out var total))
        {
            ByCurrency[currency] = total = new CurrencyTotal();
        }

        total.Orders++;
        total.Revenue += revenue;
        FirstOrderAt = FirstOrderAt == 0 ? atMs : Math.Min(FirstOrderAt, atMs);
        LastOrderAt = Math.Max(LastOrderAt, atMs);
        RecentOrderIds.Add(orderId);
        if (RecentOrderIds.Count > RememberedOrderIds)
        {
            RecentOrderIds.RemoveAt(0);
        }
    }

    /// <summary>The currency with the most orders (ties: the larger revenue, then the name), or null.</summary>
    public string? MainCurrency() => ByCurrency
        .OrderByDescending(static c => c.Value.Orders)
        .ThenByDescending(static c => c.Value.Revenue)
        .ThenBy(static c => c.Key, StringComparer.Ordinal)
        .Select(static c => c.Key)
        .FirstOrDefault();
}
