namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>
/// A catalog change worth telling watchers about: a lower price, or back in stock. <see cref="ChangeId"/>
/// is stable ("{productId}#{n}"), so a shopper told twice reacts once.
/// </summary>
public sealed record ProductChange(
    string ChangeId,
    string ProductId,
    decimal? PreviousPrice,
    decimal? NewPrice,
    string? Currency,
    bool BackInStock,
    DateTimeOffset At,
    string? Name = null,
    string? Category = null);
