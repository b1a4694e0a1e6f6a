namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// Multiplies the score of matching products by <see cref="Factor"/> (below 1 buries them). A product matches
/// when it is listed, or is in the category (any level of its path), or has the attribute value; set one.
/// </summary>
public sealed class BoostRule
{
    public List<string> ProductIds { get; set; } = [];

    public string? Category { get; set; }

    public string? Attribute { get; set; }

    public string? Value { get; set; }

    public double Factor { get; set; } = 1.5;
}
