namespace Orleans.Personalization.Grains.Events;

/// <summary>One filter of a "Product List Filtered" event (type "color", value "red").</summary>
public sealed record FilterSelection(string Type, string Value);
