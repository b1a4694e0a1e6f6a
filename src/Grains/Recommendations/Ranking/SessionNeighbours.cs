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

    // exp(−distance / decay) for the distances a product's recent sessions can have (they keep 12 items).
    private static readonly double[] Decays = [.. Enumerable.Range(0, 64).Select(static d => Math.Exp(-d / Options.NeighbourPositionDecay))];

    [ThreadStatic]
    private static Scratch? t_scratch;

    /// <summary>Votes for products, given the current session (oldest first) and the sessions found around it.</summary>
    public static Dictionary<string, double> Vote(IReadOnlyList<string> session, IEnumerable<NeighbourSession> candidates)
    {
        var votes = new DictionarySink(new Dictionary<string, double>(StringComparer.Ordinal));
        VoteInto(session, candidates as IReadOnlyList<NeighbourSession> ?? candidates.ToList(), ref votes);
        return votes.Votes;
    }

    /// <summary>
    /// Casts the votes into <paramref name="votes"/> (the ranking's candidate pool, which adds them up as they come,
    /// so no dictionary of votes is built in between). Its working collections are this thread's, reused from call to call
    /// (a request's few dozen sessions would otherwise allocate more than the voting costs).
    /// </summary>
    public static void VoteInto<TSink>(IReadOnlyList<string> session, IReadOnlyList<NeighbourSession> candidates, ref TSink votes)
        where TSink : struct, IVoteSink
    {
        if (session.Count == 0)
        {
            return;
        }

        var scratch = t_scratch ??= new Scratch();
        scratch.Clear();

        // A repeated item keeps the weight of its latest position, as in SessionKnn.
        var current = scratch.Current;
        for (var i = 0; i < session.Count; i++)
        {
            current[session[i]] = Options.PositionWeighting.Weight(i + 1, session.Count);
        }

        var neighbours = scratch.Neighbours;
        for (var c = 0; c < candidates.Count; c++)
        {
            var candidate = candidates[c];
            if (!scratch.Seen.Add(candidate.Key))
            {
                continue;
            }

            var shared = 0.0;
            var items = candidate.Items;
            for (var i = 0; i < items.Count; i++)
            {
                shared += current.GetValueOrDefault(items[i]);
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
        for (var n = 0; n < Math.Min(neighbours.Count, Options.Neighbours); n++)
        {
            var (neighbour, similarity) = neighbours[n];
            var (step, match) = LastMatch(session, neighbour.Items);
            var vote = similarity * Options.MatchWeighting.Weight(step);
            for (var position = 0; position < neighbour.Items.Count; position++)
            {
                var item = neighbour.Items[position];
                if (!current.ContainsKey(item))
                {
                    votes.Vote(item, vote * PositionDecay(Math.Abs(position - match)));
                }
            }
        }

        scratch.Clear();
    }

    private static double PositionDecay(int distance) =>
        distance < Decays.Length ? Decays[distance] : Math.Exp(-distance / Options.NeighbourPositionDecay);

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

    /// <summary>Adds votes up per product in a dictionary.</summary>
    private readonly struct DictionarySink(Dictionary<string, double> votes) : IVoteSink
    {
        public Dictionary<string, double> Votes => votes;

        public void Vote(string productId, double vote)
        {
            ref var total = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(votes, productId, out _);
            total += vote;
        }
    }

    /// <summary>One thread's working collections for <see cref="VoteInto"/>.</summary>
    private sealed class Scratch
    {
        public Dictionary<string, double> Current { get; } = new(StringComparer.Ordinal);

        public List<(NeighbourSession Session, double Similarity)> Neighbours { get; } = [];

        public HashSet<long> Seen { get; } = [];

        public void Clear()
        {
            Current.Clear();
            Neighbours.Clear();
            Seen.Clear();
        }
    }
}
