namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// What a recommendation starts from: seed products, the current session for session kNN (oldest first), the
/// products whose neighbours must be fetched, and the products that must not be recommended.
/// </summary>
public sealed record SeedPlan(
    IReadOnlyList<Seed> Seeds,
    IReadOnlyList<string> Session,
    IReadOnlyList<string> Fetch,
    IReadOnlySet<string> Excluded);
