namespace Orleans.Personalization.Api.Triggers;

/// <summary>A page of triggers; pass <see cref="Next"/> as "after" to read on.</summary>
public sealed record TriggerPage(IReadOnlyList<TriggerPageItem> Items, long Next);
