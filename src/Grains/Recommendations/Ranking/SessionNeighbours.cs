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

        // Each item's latest position in the session (a repeated item keeps the weight of its latest position, as in
        // SessionKnn), and the weight of each position.
        var latest = scratch.Latest;
        var weights = scratch.Weights(session.Count);
        for (var i = 0; i < session.Count; i++)
        {
            latest[session[i]] = i;
            weights[i] = Options.PositionWeighting.Weight(i + 1, session.Count);
        }

        // One look-up per neighbour item gives all three: the similarity, the latest shared click (how many steps back,
        // and where the neighbour has it) and which of the neighbour's items the session holds (they get no vote).
        var neighbours = scratch.Neighbours;
        for (var c = 0; c < candidates.Count; c++)
        {
            var candidate = candidates[c];
            if (!scratch.Seen.Add(candidate.Key))
            {
                continue;
            }

            var shared = 0.0;
            var step = int.MaxValue;
            var match = 0;
            var inSession = 0UL;
            var items = candidate.Items;
            for (var position = 0; position < items.Count; position++)
            {
                if (!latest.TryGetValue(items[position], out var index))
                {
                    continue;
                }

                shared += weights[index];
                if (session.Count - index < step)
                {
                    step = session.Count - index;
                    match = position;
                }

                if (position < 64)
                {
                    inSession |= 1UL << position;
                }
            }

            if (shared > 0)
            {
                neighbours.Add(new Neighbour(candidate, shared / latest.Count, step, match, inSession));
            }
        }

        // The most similar first; equal ones, the more recently ended first (SessionKnn's order).
        neighbours.Sort(static (a, b) => a.Similarity != b.Similarity
            ? b.Similarity.CompareTo(a.Similarity)
            : b.Session.LastAtMs.CompareTo(a.Session.LastAtMs));
        for (var n = 0; n < Math.Min(neighbours.Count, Options.Neighbours); n++)
        {
            var neighbour = neighbours[n];
            var vote = neighbour.Similarity * Options.MatchWeighting.Weight(neighbour.Step);
            var items = neighbour.Session.Items;
            for (var position = 0; position < items.Count; position++)
            {
                var held = position < 64 ? (neighbour.InSession & (1UL << position)) != 0 : latest.ContainsKey(items[position]);
                if (!held)
                {
                    votes.Vote(items[position], vote * PositionDecay(Math.Abs(position - neighbour.Match)));
                }
            }
        }

        scratch.Clear();
    }

    private static double PositionDecay(int distance) =>
        distance < Decays.Length ? Decays[distance] : Math.Exp(-distance / Options.NeighbourPositionDecay);

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

    /// <summary>
    /// A neighbour session: its similarity, how many clicks back the latest click it shares is and where it has that
    /// item, and a bit per item (the first 64) the current session holds.
    /// </summary>
    private readonly record struct Neighbour(NeighbourSession Session, double Similarity, int Step, int Match, ulong InSession);

    /// <summary>One thread's working collections for <see cref="VoteInto"/>.</summary>
    private sealed class Scratch
    {
        private double[] _weights = new double[16];

        public Dictionary<string, int> Latest { get; } = new(StringComparer.Ordinal);

        public List<Neighbour> Neighbours { get; } = [];

        public HashSet<long> Seen { get; } = [];

        public double[] Weights(int length) => _weights.Length >= length ? _weights : _weights = new double[length];

        public void Clear()
        {
            Latest.Clear();
            Neighbours.Clear();
            Seen.Clear();
        }
    }
}
