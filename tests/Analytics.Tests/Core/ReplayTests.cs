using System.Text.Json;
using Orleans.Personalization.Analytics.Attribution;
using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Analytics.Metrics;
using Orleans.Personalization.Analytics.Tests.TestData;

namespace Orleans.Personalization.Analytics.Tests.Core;

/// <summary>Projections must be rebuildable from the log: the same events, in any arrival order, give the same numbers.</summary>
public sealed class ReplayTests
{
    private static readonly TrafficSource[] Sources = [new("google", "cpc", "spring"), new("newsletter", "email", "weekly")];

    private static List<AnalyticsEvent> Events()
    {
        var random = new Random(3);
        return RandomShop.Generate(seed: 21, people: 150, eventsPerPerson: 10)
            .Select(e => e.Name switch
            {
                Shop.Purchased => e with { Revenue = random.Next(5, 300) + 0.99m },
                Shop.Viewed => e with { Source = Sources[random.Next(2)], Device = random.Next(2) == 0 ? "mobile" : "desktop" },
                _ => e,
            })
            .ToList();
    }

    [Fact]
    public void MetricsAttributionAndExperimentResultsReplayIdentically()
    {
        var events = Events();
        var exposures = events.Select(e => e.PersonId).Distinct().Select((p, i) =>
            Shop.Event(p, "Experiment Viewed", TimeSpan.FromMinutes(-1 - i))
                .With("experiment_id", "checkout-button").With("variation_id", i % 2 == 0 ? "control" : "green")).ToList();
        events.AddRange(exposures);
        var shuffled = RandomShop.Shuffled(events, seed: 4);

        foreach (var input in new[] { events.ToList(), shuffled })
        {
            Assert.Equal(Compute(events), Compute(input));
        }
    }

    [Fact]
    public void ReportsSerialiseToJsonEvenInDegenerateCases()
    {
        var experiment = new ExperimentDefinition("checkout-button", [new("control", 100), new("green", 0)]);
        var observations = new ExperimentObservations(
            Enumerable.Range(0, 150).Select(i => new ExperimentObservation($"p{i}", i < 140 ? "control" : "green", 1, 0, 0)).ToArray());

        var report = ExperimentAnalyzer.Analyze([experiment], observations);

        Assert.True(report.SampleRatio.Mismatch); // ten shoppers in a variant with no traffic
        Assert.NotEmpty(JsonSerializer.Serialize(report));
        Assert.NotEmpty(JsonSerializer.Serialize(ConversionMetrics.Compute([])));
    }

    private static string Compute(IReadOnlyList<AnalyticsEvent> events)
    {
        var metrics = ConversionMetrics.Compute(events, new MetricsOptions { Breakdown = new Breakdown(BreakdownKind.Device) });
        var attribution = AttributionCalculator.Attribute(events, new AttributionOptions { Model = AttributionModel.TimeDecay });
        var definition = new ExperimentDefinition("checkout-button", [new("control", 50), new("green", 50)]);
        var report = ExperimentAnalyzer.Analyze([definition], ExperimentObservationBuilder.FromEvents(events, "checkout-button"));
        return JsonSerializer.Serialize(new object[] { metrics, attribution, report });
    }
}
