using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Recommendations;
using Orleans.Personalization.Recommendations.Knn;
using Orleans.Personalization.Recommendations.Rules;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// Session-based nearest neighbours online: the candidate sessions are the recent sessions the products of the
/// current session hold (each product keeps its latest ones), and <see cref="SessionKnn"/> (the V-SKNN + STAN
/// recommender measured offline) votes among them. Settings are the tuned ones, except that idf weighting is off:
/// item frequencies within this small sample say little about the whole store.
/// </summary>
public static class SessionNeighbours
{
    public static readonly SessionKnnOptions Options = new()
    {
        Neighbours = 100,
        SampleSize = 0,
        Similarity = SessionSimilarity.Vector,
        PositionWeighting = PositionWeighting.Linear,
        MatchWeighting = DistanceWeighting.Quadratic,
        IdfWeighting = 0,
        NeighbourPositionDecay = 2,
        Remind = false,
    };

    /// <summary>Votes for products, given the current session (oldest first) and the sessions found around it.</summary>
    public static IReadOnlyDictionary<string, double> Vote(IReadOnlyList<string> session, IEnumerable<NeighbourSession> candidates)
    {
        if (session.Count == 0)
        {
            return new Dictionary<string, double>();
        }

        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        var names = new List<string>();
        long IdOf(string productId)
        {
            if (!ids.TryGetValue(productId, out var id))
            {
                id = names.Count;
                ids[productId] = id;
                names.Add(productId);
            }

            return id;
        }

        var current = session.Select(IdOf).ToArray();
        var knn = new SessionKnn(Options);
        var seen = new HashSet<long>();
        foreach (var candidate in candidates.OrderBy(static s => s.LastAtMs).ThenBy(static s => s.Key))
        {
            if (candidate.Items.Count > 0 && seen.Add(candidate.Key))
            {
                var at = candidate.LastAtMs / 1000.0;
                knn.Learn(new Session(candidate.Key, candidate.Items.Select(item => new Click(IdOf(item), at)).ToArray()));
            }
        }

        return knn.Score(current).ToDictionary(v => names[(int)v.Key], static v => v.Value, StringComparer.Ordinal);
    }
}
