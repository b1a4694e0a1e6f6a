using Orleans.Personalization.Recommendations.Rules;

namespace Orleans.Personalization.Recommendations.Knn;

/// <summary>
/// Settings of <see cref="SessionKnn"/>. The defaults follow session-rec's V-SKNN (whose k has no default; 100 here).
/// session-rec's V-SKNN always uses <see cref="SessionSimilarity.Vector"/>; cosine and Jaccard are SKNN's.
/// </summary>
public sealed record SessionKnnOptions
{
    /// <summary>How many of the most similar past sessions vote.</summary>
    public int Neighbours { get; init; } = 100;

    /// <summary>How many of the most recent past sessions sharing an item are compared at all (0 = every one).</summary>
    public int SampleSize { get; init; } = 1000;

    public SessionSimilarity Similarity { get; init; } = SessionSimilarity.Vector;

    /// <summary>Weight of each current click in <see cref="SessionSimilarity.Vector"/>; later clicks usually count more.</summary>
    public PositionWeighting PositionWeighting { get; init; } = PositionWeighting.Div;

    /// <summary>
    /// Discount of a neighbour's vote by how far back (1 = last click) the most recent click it shares with the
    /// current session is.
    /// </summary>
    public DistanceWeighting MatchWeighting { get; init; } = DistanceWeighting.Div;

    /// <summary>Boost of rare items: a vote is multiplied by 1 + idf · this (0 = off).</summary>
    public double IdfWeighting { get; init; }

    /// <summary>
    /// STAN's item weighting (Garg et al. 2019): a neighbour's items count exp(−|distance| / this) by how far, in
    /// the neighbour's own clicks, they are from the item it shares with the current session (0 = off). Items
    /// clicked right next to the shared one are likelier next clicks than the rest of that session.
    /// </summary>
    public double NeighbourPositionDecay { get; init; }

    /// <summary>Whether items already in the current session may be recommended again (shoppers do go back).</summary>
    public bool Remind { get; init; } = true;
}
