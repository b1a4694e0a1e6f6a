namespace Orleans.Personalization.Recommendations;

/// <summary>An item and how strongly it is recommended; higher scores rank first.</summary>
public readonly record struct ItemScore(long ItemId, double Score);
