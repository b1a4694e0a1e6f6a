namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>Every trigger's settings, changed through <c>PATCH /v1/triggers/settings</c>.</summary>
public sealed record TriggerSettings
{
    /// <summary>Share of shoppers (0–100 %, chosen by a hash of the shopper key) whose triggers are recorded but not delivered.</summary>
    public double HoldoutPercent { get; init; }

    /// <summary>How many recommended products a trigger carries.</summary>
    public int RecommendedProducts { get; init; } = 4;

    public CartAbandonmentSettings CartAbandonment { get; init; } = new();

    public BrowseAbandonmentSettings BrowseAbandonment { get; init; } = new();

    public HighIntentSettings HighIntent { get; init; } = new();

    public PriceDropSettings PriceDrop { get; init; } = new();

    public BackInStockSettings BackInStock { get; init; } = new();

    public LapsingCustomerSettings LapsingCustomer { get; init; } = new();

    /// <summary>Whether triggers of <paramref name="type"/> are switched on.</summary>
    public bool IsEnabled(string type) => type switch
    {
        TriggerTypes.CartAbandonment => CartAbandonment.Enabled,
        TriggerTypes.BrowseAbandonment => BrowseAbandonment.Enabled,
        TriggerTypes.HighIntent => HighIntent.Enabled,
        TriggerTypes.PriceDrop => PriceDrop.Enabled,
        TriggerTypes.BackInStock => BackInStock.Enabled,
        TriggerTypes.LapsingCustomer => LapsingCustomer.Enabled,
        _ => false,
    };
}
