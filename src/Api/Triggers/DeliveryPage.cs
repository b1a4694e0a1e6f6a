namespace Orleans.Personalization.Api.Triggers;

/// <summary>A page of a subscription's delivery log; pass <see cref="Next"/> as "after" to read on.</summary>
public sealed record DeliveryPage(IReadOnlyList<DeliveryView> Items, long Next);
