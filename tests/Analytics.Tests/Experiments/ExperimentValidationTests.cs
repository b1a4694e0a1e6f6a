using Orleans.Personalization.Analytics.Experiments;

namespace Orleans.Personalization.Analytics.Tests.Experiments;

public sealed class ExperimentValidationTests
{
    private static readonly ExperimentDefinition Valid = new("checkout-button", [new("control", 50), new("green", 50)]);

    [Fact]
    public void ValidExperimentHasNoErrors()
    {
        Assert.Empty(Valid.Validate());
    }

    [Fact]
    public void WeightsNotSummingToOneHundredAreRejectedOnTheVariantsField()
    {
        var error = Assert.Single((Valid with { Variants = [new("control", 50), new("green", 40)] }).Validate());

        Assert.Equal("variants", error.Field);
        Assert.Contains("90", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void DuplicateVariantKeyIsRejectedAtTheSecondOccurrence()
    {
        var experiment = Valid with { Variants = [new("control", 40), new("green", 30), new("Green", 30)] };

        Assert.Equal("variants[2].key", Assert.Single(experiment.Validate()).Field);
    }

    [Fact]
    public void EachFieldErrorNamesItsField()
    {
        var experiment = new ExperimentDefinition("checkout button!", [new("control", -5), new("", 105)])
        {
            Version = 0,
            Control = "blue",
            TrafficPercent = 150,
            Targeting = [new PropertyFilter("loyaltyScore", FilterOperator.GreaterThan, "high")],
        };

        Assert.Equal(
            ["key", "version", "variants[0].weight", "variants[1].key", "variants[1].weight", "control", "trafficPercent", "targeting[0].value"],
            experiment.Validate().Select(e => e.Field));
    }

    [Fact]
    public void ExperimentNeedsAtLeastTwoVariants()
    {
        Assert.Equal("variants", Assert.Single((Valid with { Variants = [new("control", 100)] }).Validate()).Field);
    }

    [Fact]
    public void DuplicateFlagKeysAndBadRolloutsAreRejected()
    {
        FeatureFlag[] flags = [new("new-search", 10), new("New-Search", 20), new("checkout-v2", 101)];

        Assert.Equal(["flags[1].key", "flags[2].rolloutPercent"], FeatureFlag.ValidateAll(flags).Select(e => e.Field));
    }
}
