namespace Orleans.Personalization.Grains.Events;

/// <summary>This anonymous visitor turned out to be a user; from now on its messages go to that user.</summary>
public sealed record MergedIntoUser : ShopperEvent
{
    public required string MergedUserId { get; init; }
}
