namespace Orleans.Personalization.Grains.Ingestion;

/// <summary>A rejected field: its JSON path (e.g. "properties.price") and what is wrong with it.</summary>
public sealed record FieldError(string Field, string Message);
