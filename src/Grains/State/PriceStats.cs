namespace Orleans.Personalization.Grains.State;

/// <summary>Running price statistics plus the most recent prices, whose median is the "typical" price.</summary>
public sealed class PriceStats
{
    public const int RecentCount = 15;

    public int Count { get; set; }

    public decimal Min { get; set; }

    public decimal Max { get; set; }

    public decimal Sum { get; set; }

    public List<decimal> Recent { get; set; } = [];

    public void Add(decimal price)
    {
        Min = Count == 0 ? price : Math.Min(Min, price);
        Max = Count == 0 ? price : Math.Max(Max, price);
        Count++;
        Sum += price;
        Recent.Add(price);
        if (Recent.Count > RecentCount)
        {
            Recent.RemoveAt(0);
        }
    }

    public decimal Median()
    {
        if (Recent.Count == 0)
        {
            return 0;
        }

        var sorted = Recent.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
