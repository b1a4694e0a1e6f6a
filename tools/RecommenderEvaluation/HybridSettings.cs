namespace Orleans.Personalization.RecommenderEvaluation;

/// <summary>Weights of the blend of sequential rules and V-SKNN (each list normalised to a best score of 1).</summary>
internal sealed record HybridSettings(double RulesWeight, double KnnWeight, int Depth);
