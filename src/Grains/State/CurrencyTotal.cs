namespace Orleans.Personalization.Grains.State;

/// <summary>Orders and revenue in one currency.</summary>
public sealed class CurrencyTotal
{
    public int Orders { get; set; }

    public decimal Revenue { get; set; }
}
