namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>A candidate's raw score per strategy, and what each strategy's strongest contribution came through.</summary>
public sealed class Candidate(string productId)
{
    public string ProductId { get; } = productId;

    public double[] Scores { get; } = new double[StrategyNames.Count];

    /// <summary>The seed product or category behind the largest single contribution of each strategy.</summary>
    public string?[] Via { get; } = new string?[StrategyNames.Count];

    public double[] ViaScore { get; } = new double[StrategyNames.Count];
}
