using Orleans.Personalization.Analytics.Experiments;

namespace Orleans.Personalization.Analytics.Tests.Experiments;

public sealed class ExperimentRegistryTests
{
    private static readonly ExperimentDefinition Button = new("checkout-button", [new("control", 50), new("green", 50)]);

    private static ExperimentRegistry RegistryWithButton()
    {
        var registry = new ExperimentRegistry();
        Assert.Empty(registry.Add(Button));
        return registry;
    }

    [Fact]
    public void DuplicateExperimentKeyIsRejected()
    {
        var registry = RegistryWithButton();

        Assert.Equal("key", Assert.Single(registry.Add(Button with { Key = "Checkout-Button" })).Field);
    }

    [Fact]
    public void RevisionMustBeTheNextVersion()
    {
        var registry = RegistryWithButton();

        Assert.Equal("version", Assert.Single(registry.Revise(Button with { Version = 3 })).Field);
        Assert.Equal("version", Assert.Single(registry.Revise(Button)).Field);
    }

    [Fact]
    public void RemovingAVariantFromARunningExperimentIsRefused()
    {
        var registry = RegistryWithButton();

        var errors = registry.Revise(Button with { Version = 2, Variants = [new("control", 50), new("blue", 50)] });

        Assert.Equal("variants", Assert.Single(errors).Field);
        Assert.Single(registry.History(Button.Key));
    }

    [Fact]
    public void ChangingTheControlIsRefused()
    {
        var registry = RegistryWithButton();

        Assert.Equal("control", Assert.Single(registry.Revise(Button with { Version = 2, Control = "green" })).Field);
    }

    [Fact]
    public void RevisingAnUnknownExperimentIsRefused()
    {
        Assert.Equal("key", Assert.Single(new ExperimentRegistry().Revise(Button with { Version = 2 })).Field);
    }

    [Fact]
    public void ReweightingAddingAVariantAndRetargetingAreVersionedChanges()
    {
        var registry = RegistryWithButton();
        var v2 = Button with { Version = 2, Variants = [new("control", 40), new("green", 40), new("blue", 20)] };
        var v3 = v2 with { Version = 3, Targeting = [PropertyFilter.Equal("country", "DE")] };

        Assert.Empty(registry.Revise(v2));
        Assert.Empty(registry.Revise(v3));

        Assert.Equal([1, 2, 3], registry.History(Button.Key).Select(v => v.Version));
        Assert.Same(v3, registry.Find("checkout-button"));
    }
}
