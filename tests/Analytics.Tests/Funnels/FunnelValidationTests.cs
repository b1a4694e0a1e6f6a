using Orleans.Personalization.Analytics.Funnels;
using static Orleans.Personalization.Analytics.Tests.TestData.Shop;

namespace Orleans.Personalization.Analytics.Tests.Funnels;

public sealed class FunnelValidationTests
{
    [Fact]
    public void ValidFunnelHasNoErrors()
    {
        var funnel = Funnel(Viewed, Added, Purchased) with
        {
            Exclusions = [new FunnelExclusion(CouponRemoved, 1, 2)],
            Breakdown = Breakdown.ByTrait("plan"),
        };

        Assert.Empty(funnel.Validate());
    }

    [Fact]
    public void EmptyStepListIsRejectedOnTheStepsField()
    {
        Assert.Equal("steps", Assert.Single(new FunnelDefinition([]).Validate()).Field);
    }

    [Fact]
    public void MissingStepListIsRejectedOnTheStepsField()
    {
        // As a JSON body without "steps" deserialises.
        Assert.Equal("steps", Assert.Single(new FunnelDefinition(null!).Validate()).Field);
    }

    [Fact]
    public void MoreThanTwentyStepsAreRejected()
    {
        var funnel = Funnel(Enumerable.Range(0, 21).Select(i => $"Event {i}").ToArray());

        var error = Assert.Single(funnel.Validate());
        Assert.Equal("steps", error.Field);
        Assert.Contains("20", error.Message, StringComparison.Ordinal);
        Assert.Empty(Funnel(Enumerable.Range(0, 20).Select(i => $"Event {i}").ToArray()).Validate());
    }

    [Fact]
    public void StepWithoutAnEventNameIsRejectedAtItsIndex()
    {
        Assert.Equal("steps[1].event", Assert.Single(Funnel(Viewed, " ").Validate()).Field);
    }

    [Fact]
    public void UnknownOrderValueIsRejectedOnTheOrderField()
    {
        Assert.Equal("order", Assert.Single((Funnel(Viewed) with { Order = (FunnelOrder)42 }).Validate()).Field);
    }

    [Theory]
    [InlineData("sideways")]
    [InlineData("3")]
    [InlineData("")]
    [InlineData(null)]
    public void UnknownOrderNameIsRejectedOnTheOrderField(string? text)
    {
        var errors = new List<ValidationError>();

        Assert.False(EnumField.TryParse<FunnelOrder>(text, "order", errors, out _));
        Assert.Equal("order", Assert.Single(errors).Field);
        Assert.Contains("strict", errors[0].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KnownOrderNameParsesCaseInsensitively()
    {
        var errors = new List<ValidationError>();

        Assert.True(EnumField.TryParse<FunnelOrder>("Unordered", "order", errors, out var order));
        Assert.Equal(FunnelOrder.Unordered, order);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-60)]
    [InlineData(366 * 24 * 3600)]
    public void WindowOutOfRangeIsRejectedOnTheWindowField(int seconds)
    {
        var funnel = Funnel(Viewed, Added) with { Window = TimeSpan.FromSeconds(seconds) };

        Assert.Equal("window", Assert.Single(funnel.Validate()).Field);
    }

    [Fact]
    public void ExclusionMustPointForwardBetweenExistingSteps()
    {
        var funnel = Funnel(Viewed, Added, Purchased) with
        {
            Exclusions = [new FunnelExclusion(CouponRemoved, 1, 1), new FunnelExclusion(CouponRemoved, -1, 2), new FunnelExclusion("", 0, 3)],
        };

        Assert.Equal(
            ["exclusions[0].toStep", "exclusions[1].fromStep", "exclusions[2].event", "exclusions[2].toStep"],
            funnel.Validate().Select(e => e.Field));
    }

    [Fact]
    public void ExclusionsAreRejectedInUnorderedFunnels()
    {
        var funnel = Funnel(Viewed, Added) with { Order = FunnelOrder.Unordered, Exclusions = [new FunnelExclusion(CouponRemoved, 0, 1)] };

        Assert.Equal("exclusions", Assert.Single(funnel.Validate()).Field);
    }

    [Fact]
    public void FilterErrorsNameTheFilterInsideItsStep()
    {
        var funnel = new FunnelDefinition(
        [
            new FunnelStep(Viewed),
            new FunnelStep(Purchased, [new PropertyFilter("revenue", FilterOperator.GreaterThan, "lots"), new PropertyFilter("", FilterOperator.Exists)]),
            new FunnelStep(Added, [new PropertyFilter("category", FilterOperator.In)]),
        ]);

        Assert.Equal(
            ["steps[1].filters[0].value", "steps[1].filters[1].property", "steps[2].filters[0].values"],
            funnel.Validate().Select(e => e.Field));
    }

    [Fact]
    public void BreakdownThatNeedsAKeyIsRejectedWithoutOne()
    {
        var funnel = Funnel(Viewed) with { Breakdown = new Breakdown(BreakdownKind.Trait) };

        Assert.Equal("breakdown.key", Assert.Single(funnel.Validate()).Field);
    }

    [Fact]
    public void RunningAnInvalidFunnelThrowsWithTheFieldErrors()
    {
        var ex = Assert.Throws<InvalidDefinitionException>(() => FunnelEngine.Run(new FunnelDefinition([]), []));

        Assert.Equal("steps", Assert.Single(ex.Errors).Field);
    }

    [Fact]
    public void ErrorsGroupByFieldForProblemDetails()
    {
        ValidationError[] errors = [new("window", "a"), new("steps", "b"), new("window", "c")];

        var problem = errors.ToProblemErrors();

        Assert.Equal(["a", "c"], problem["window"]);
        Assert.Equal(["b"], problem["steps"]);
    }
}
