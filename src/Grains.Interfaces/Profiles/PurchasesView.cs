namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>
/// Orders completed. <see cref="Revenue"/> and <see cref="AverageOrderValue"/> are in <see cref="Currency"/>,
/// the shopper's main currency (most orders); <see cref="RevenueByCurrency"/> has every currency.
/// </summary>
public sealed record PurchasesView(
    int Orders,
    decimal Revenue,
    string? Currency,
    decimal AverageOrderValue,
    IReadOnlyDictionary<string, decimal> RevenueByCurrency,
    DateTimeOffset? FirstOrderAt,
    DateTimeOffset? LastOrderAt);
