namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>Protocol 2's four metrics at k, averaged over <see cref="Users"/> test users.</summary>
public sealed record TopNResult(int Users, double Precision, double Recall, double Ndcg, double MeanAveragePrecision);
