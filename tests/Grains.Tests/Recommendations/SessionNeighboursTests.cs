using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.Ranking;
using Orleans.Personalization.Recommendations;
using Orleans.Personalization.Recommendations.Knn;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class SessionNeighboursTests
{
    [Fact]
    public void NeighbourSessionsVoteForTheirItemsNearestTheSharedOneMost()
    {
        // Current [a]: both sessions share a (similarity 1, last click: match weight 1/1² = 1). STAN decay exp(-distance/2):
        // b and c one step from a: e^-0.5; d two steps: e^-1. a itself is the current session: not voted for.
        var votes = SessionNeighbours.Vote(["a"], [new NeighbourSession(1, 1000, ["a", "b"]), new NeighbourSession(2, 2000, ["a", "c", "d"])]);

        Assert.Equal(["b", "c", "d"], votes.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Math.Exp(-0.5), votes["b"], 12);
        Assert.Equal(Math.Exp(-0.5), votes["c"], 12);
        Assert.Equal(Math.Exp(-1), votes["d"], 12);
    }

    [Fact]
    public void ASessionFoundThroughSeveralProductsVotesOnce()
    {
        var session = new NeighbourSession(7, 1000, ["a", "b", "x"]);

        var votes = SessionNeighbours.Vote(["a", "b"], [session, session]);

        // Linear position weights of [a, b]: 0.9 and 1, vector similarity (0.9 + 1) / 2 = 0.95; last match b (step 1);
        // x is one step from b: 0.95 · e^-0.5.
        Assert.Equal(0.95 * Math.Exp(-0.5), Assert.Single(votes).Value, 12);
    }

    [Fact]
    public void VotesAreThoseOfTheOfflineSessionKnnOverTheSameSessions()
    {
        var random = new Random(5);
        for (var round = 0; round < 50; round++)
        {
            var sessions = Enumerable.Range(0, random.Next(1, 40))
                .Select(k => new NeighbourSession(k, 1000 + random.Next(100) * 1000L, Enumerable.Range(0, random.Next(1, 8)).Select(_ => $"p{random.Next(30)}").Distinct().ToArray()))
                .ToArray();
            var current = Enumerable.Range(0, random.Next(1, 6)).Select(_ => $"p{random.Next(30)}").ToArray();

            var online = SessionNeighbours.Vote(current, sessions);

            var offline = new SessionKnn(SessionNeighbours.Options);
            foreach (var session in sessions.OrderBy(s => s.LastAtMs).ThenBy(s => s.Key))
            {
                offline.Learn(new Session(session.Key, session.Items.Select(i => new Click(long.Parse(i[1..]), session.LastAtMs / 1000.0)).ToArray()));
            }

            var expected = offline.Score(current.Select(i => long.Parse(i[1..])).ToArray());
            Assert.Equal(expected.Keys.Select(k => $"p{k}").Order(StringComparer.Ordinal), online.Keys.Order(StringComparer.Ordinal));
            Assert.All(expected, e => Assert.Equal(e.Value, online[$"p{e.Key}"], 9));
        }
    }

    [Fact]
    public void NoSessionMeansNoVotes() => Assert.Empty(SessionNeighbours.Vote([], [new NeighbourSession(1, 1, ["a", "b"])]));
}
