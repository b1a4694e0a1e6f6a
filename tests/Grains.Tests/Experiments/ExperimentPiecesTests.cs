using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Experiments;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.Recommendations.Ranking;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Tests.Experiments;

public sealed class ExperimentPiecesTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 2, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AMergedAssignmentReplacesTheCurrentOneOnlyWhenItIsEarlier()
    {
        var assignments = new ExperimentAssignments();
        assignments.Apply(Exposed("Checkout", "b", T0.AddMinutes(5)));

        assignments.Apply(Exposed("checkout", "a", T0.AddMinutes(9)));
        var later = assignments.Find("CHECKOUT")!.Variant;
        assignments.Apply(Exposed("checkout", "a", T0));

        Assert.Equal(("b", "a"), (later, assignments.Find("checkout")!.Variant));
    }

    [Fact]
    public void AVariantChangesOnlyTheTriggerSettingsItNames()
    {
        var settings = TriggerOverrides.Apply(new TriggerSettings(), new Dictionary<string, TriggerOverride>
        {
            ["cartAbandonment"] = new(Delay: TimeSpan.FromHours(1)),
            ["highIntent"] = new(Enabled: false),
        });

        Assert.Equal(TimeSpan.FromHours(1), settings.CartAbandonment.Delay);
        Assert.True(settings.CartAbandonment.Enabled);
        Assert.False(settings.HighIntent.Enabled);
        Assert.Equal(new TriggerSettings().BrowseAbandonment, settings.BrowseAbandonment);
    }

    [Fact]
    public void OverridesNamingUnknownPlacementsStrategiesTriggersOrVariantsAreRefusedByField()
    {
        var spec = new ExperimentSpec
        {
            Definition = new ExperimentDefinition("exp", [new ExperimentVariant("a", 50), new ExperimentVariant("b", 50)]),
            Overrides =
            [
                new VariantOverrides("b")
                {
                    Recommendations = new Dictionary<string, IReadOnlyDictionary<string, double>> { ["hom"] = new Dictionary<string, double> { ["popular"] = 1 }, ["home"] = new Dictionary<string, double> { ["best"] = 1 } },
                    Triggers = new Dictionary<string, TriggerOverride> { ["cartAbandonment"] = new(Threshold: 3, Delay: TimeSpan.FromDays(40)), ["priceDrop"] = new(Enabled: false) },
                },
                new VariantOverrides("c"),
            ],
        };

        var fields = ExperimentSpecValidator.Validate(spec).Select(static e => e.Field).ToArray();

        Assert.Equal(
            ["variants[1].recommendations.hom", "variants[1].recommendations.home.best",
             "variants[1].triggers.cartAbandonment.threshold", "variants[1].triggers.cartAbandonment.delay", "variants[1].triggers.priceDrop", "variants"],
            fields);
    }

    [Fact]
    public void AVariantsPlacementSettingsCopyEverySettingButTheWeights()
    {
        var configured = new PlacementOptions { MaxPerCategory = 7, ExcludePurchased = false, ExcludeViewedInSession = false, CategoryAffinityBoost = 0.9, PriceFitBoost = 0.8, SearchBoost = 0.7 };
        var weights = new Dictionary<string, double> { ["popular"] = 1 };

        var copy = ExperimentPlacementOverrides.WithWeights(configured, weights);

        foreach (var property in typeof(PlacementOptions).GetProperties().Where(static p => p.Name != nameof(PlacementOptions.Weights)))
        {
            Assert.Equal(property.GetValue(configured), property.GetValue(copy));
        }

        Assert.Equal(weights, copy.Weights);
    }

    private static ExperimentExposed Exposed(string key, string variant, DateTimeOffset assignedAt) => new()
    {
        MessageId = Guid.NewGuid().ToString(),
        Timestamp = assignedAt,
        ExperimentKey = key,
        Variant = variant,
        AssignedVersion = 1,
        ExposedVersion = 1,
        AssignedAt = assignedAt,
    };
}
