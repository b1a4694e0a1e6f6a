using Orleans.Personalization.Analytics.Funnels;
using Orleans.Personalization.Analytics.Tests.TestData;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class FunnelReferenceTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void EngineAgreesWithANaiveReferenceInEveryModeOnRandomStreams(int seed)
    {
        var events = RandomShop.Generate(seed, people: 60, eventsPerPerson: 12);
        var results = new List<FunnelResult>();

        foreach (var definition in RandomShop.Funnels())
        {
            var expected = FunnelAggregator.Aggregate(CompiledFunnel.Compile(definition), ReferenceFunnel.Evaluate(definition, events), null);

            var actual = FunnelEngine.Run(definition, events);

            Assert.Equal(expected.ToJson(), actual.ToJson());
            results.Add(actual);
        }

        // The streams are rich enough to matter: people finish funnels, and exclusions remove some of them.
        Assert.All(results.Where(r => r.Order != FunnelOrder.Strict), r => Assert.True(r.Steps[^1].Entered > 0));
        Assert.True(results[^2].Steps[0].Entered < results[0].Steps[0].Entered);
    }
}
