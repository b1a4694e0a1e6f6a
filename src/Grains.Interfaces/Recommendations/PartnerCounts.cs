namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>A partner product's decayed basket counts as of <see cref="AtMs"/>, for its similarity with another product.</summary>
public sealed record PartnerCounts(string ProductId, double ViewBaskets, double CartBaskets, double PurchaseBaskets, long AtMs);
