using Orleans.Personalization.Recommendations.Rules;

namespace Orleans.Personalization.Recommendations.Tests;

public class RuleTests
{
    private const long A = 1, B = 2, C = 3, D = 4;

    [Fact]
    public void AssociationRulesCountEveryPairInBothDirections()
    {
        var rules = Sessions.Trained(new AssociationRules(), Sessions.Of(1, A, B, C));

        Assert.Equal([new(B, 1), new(C, 1)], rules.Recommend([A], 10));
        Assert.Equal([new(A, 1), new(B, 1)], rules.Recommend([C], 10));
    }

    [Fact]
    public void AssociationRulesNormaliseByTheStrongestRule()
    {
        var rules = Sessions.Trained(new AssociationRules(), Sessions.Of(1, A, B), Sessions.Of(2, B, A), Sessions.Of(3, A, C));

        Assert.Equal([new(B, 1), new(C, 0.5)], rules.Recommend([A], 10));
    }

    [Fact]
    public void AssociationRulesCountARepeatedItemTwiceWithItself()
    {
        // session-rec adds 1 to row[x][x] from both directions of the (x, x) pair.
        var rules = Sessions.Trained(new AssociationRules(), Sessions.Of(1, A, A, B), Sessions.Of(2, A, C));

        Assert.Equal([new(A, 1), new(B, 1), new(C, 0.5)], rules.Recommend([A], 10));
    }

    [Fact]
    public void RulesAnswerFromTheLastClickOnly()
    {
        var rules = Sessions.Trained(new AssociationRules(), Sessions.Of(1, A, B), Sessions.Of(2, C, D));

        Assert.Equal([new(D, 1)], rules.Recommend([A, C], 10));
        Assert.Empty(rules.Recommend([99], 10));
        Assert.Empty(rules.Recommend([], 10));
    }

    [Fact]
    public void PruningKeepsTheFirstSeenPartnerAmongEqualWeights()
    {
        var rules = Sessions.Trained(new AssociationRules(pruning: 2), Sessions.Of(1, A, C), Sessions.Of(2, A, B), Sessions.Of(3, A, D), Sessions.Of(4, A, D));

        // D is strongest; C and B tie and C was seen first, so B is pruned.
        Assert.Equal([new(D, 1), new(C, 0.5)], rules.Recommend([A], 10));
    }

    [Fact]
    public void SequentialRulesWeightCloserClicksHigher()
    {
        var rules = Sessions.Trained(new SequentialRules(steps: 2, weighting: DistanceWeighting.Quadratic), Sessions.Of(1, A, B, C));

        // A → B at distance 1 adds 1, A → C at distance 2 adds 1/4.
        Assert.Equal([new(B, 1), new(C, 0.25)], rules.Recommend([A], 10));
    }

    [Fact]
    public void SequentialRulesOnlyPointForward()
    {
        var rules = Sessions.Trained(new SequentialRules(), Sessions.Of(1, A, B));

        Assert.Equal([new(B, 1)], rules.Recommend([A], 10));
        Assert.Empty(rules.Recommend([B], 10));
    }

    [Fact]
    public void SequentialRulesIgnoreClicksBeyondTheirSteps()
    {
        var rules = Sessions.Trained(new SequentialRules(steps: 1), Sessions.Of(1, A, B, C));

        Assert.Equal([new(B, 1)], rules.Recommend([A], 10));
    }

    [Fact]
    public void SequentialRulesSumWeightsOverSessions()
    {
        var rules = Sessions.Trained(
            new SequentialRules(steps: 3, weighting: DistanceWeighting.Div),
            Sessions.Of(1, A, B, C),
            Sessions.Of(2, A, D, D, C));

        // A → C: 1/2 + 1/3; A → B: 1; A → D: 1 + 1/2.
        Assert.Equal([new(D, 1), new(B, 1 / 1.5), new(C, (0.5 + (1.0 / 3)) / 1.5)], rules.Recommend([A], 10));
    }

    [Fact]
    public void ZeroPruningKeepsEveryRule()
    {
        var rules = Sessions.Trained(new SequentialRules(pruning: 0), Sessions.Of(1, A, B), Sessions.Of(2, A, C));

        Assert.Equal(2, rules.Recommend([A], 10).Count);
    }

    [Theory]
    [InlineData(DistanceWeighting.Same, 4, 1)]
    [InlineData(DistanceWeighting.Div, 4, 0.25)]
    [InlineData(DistanceWeighting.Quadratic, 4, 0.0625)]
    [InlineData(DistanceWeighting.Linear, 4, 0.6)]
    [InlineData(DistanceWeighting.Linear, 12, 0)]
    public void DistanceWeightsFollowTheirFormulas(DistanceWeighting weighting, int distance, double expected) =>
        Assert.Equal(expected, weighting.Weight(distance), 12);

    [Fact]
    public void LogDistanceWeightIsOneOverLogOfDistancePlusOnePointSeven() =>
        Assert.Equal(1 / Math.Log10(2.7), DistanceWeighting.Log.Weight(1), 12);
}
