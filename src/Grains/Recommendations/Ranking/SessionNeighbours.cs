using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Recommendations.Knn;
using Orleans.Personalization.Recommendations.Rules;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// Session-based nearest neighbours online: the candidate sessions are the recent sessions the products of the
/// current session hold (each product keeps its latest ones), and they vote as in <see cref="SessionKnn"/> with the
/// tuned V-SKNN + STAN settings (<see cref="Options"/>): vector similarity with linear position weights, votes
/// discounted by 1/step² of the latest shared click and by exp(−distance/2) from the shared item in the neighbour.
/// Idf weighting is off: item frequencies in a few dozen sessions say little about the store. The maths is
/// <see cref="SessionKnn"/>'s (a test holds the two equal), computed straight over the few dozen sessions a request
/// gathers instead of indexing them first, which is what made it affordable per request.
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
    public static Dictionary<string, double> Vote(IReadOnlyList<string> session, IEnumerable<NeighbourSession> candidates)
    {
        var votes = new Dictionary<string, double>(StringComparer.Ordinal);
        if (session.Count == 0)
        {
            return votes;
        }

        // A repeated item keeps the weight of its latest position, as in SessionKnn.
        var current = new Dictionary<string, double>(session.Count, StringComparer.Ordinal);
        for (var i = 0; i < session.Count; i++)
        {
            current[session[i]] = Options.PositionWeighting.Weight(i + 1, session.Count);
        }

        var neighbours = new List<(NeighbourSession Session, double Similarity)>();
        var seen = new HashSet<long>();
        foreach (var candidate in candidates)
        {
            if (!seen.Add(candidate.Key))
            {
                continue;
            }

            var shared = 0.0;
            foreach (var item in candidate.Items)
            {
                shared += current.GetValueOrDefault(item);
            }

            if (shared > 0)
            {
                neighbours.Add((candidate, shared / current.Count));
            }
        }

        // The most similar first; equal ones, the more recently ended first (SessionKnn's order).
        neighbours.Sort(static (a, b) => a.Similarity != b.Similarity
            ? b.Similarity.CompareTo(a.Similarity)
            : b.Session.LastAtMs.CompareTo(a.Session.LastAtMs));
        foreach (var (neighbour, similarity) in neighbours.Take(Options.Neighbours))
        {
            var (step, match) = LastMatch(session, neighbour.Items);
            var vote = similarity * Options.MatchWeighting.Weight(step);
            for (var position = 0; position < neighbour.Items.Count; position++)
            {
                var item = neighbour.Items[position];
                if (!current.ContainsKey(item))
                {
                    votes[item] = votes.GetValueOrDefault(item) + (vote * Math.Exp(-Math.Abs(position - match) / Options.NeighbourPositionDecay));
                }
            }
        }

        return votes;
    }

    /// <summary>How many clicks back the latest click the neighbour shares is, and where the neighbour has it.</summary>
    private static (int Step, int Position) LastMatch(IReadOnlyList<string> session, IReadOnlyList<string> items)
    {
        for (var step = 1; step <= session.Count; step++)
        {
            for (var position = 0; position < items.Count; position++)
            {
                if (items[position] == session[^step])
                {
                    return (step, position);
                }
            }
        }

        return (session.Count, 0);
    }
}
