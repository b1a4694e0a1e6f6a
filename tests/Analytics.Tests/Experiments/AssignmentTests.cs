using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Analytics.Statistics;

namespace Orleans.Personalization.Analytics.Tests.Experiments;

public sealed class AssignmentTests
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly ExperimentDefinition Button =
        new("checkout-button", [new ExperimentVariant("control", 50), new ExperimentVariant("green", 50)]);

    [Theory]
    // Expected buckets computed independently with Python's hashlib:
    // int.from_bytes(hashlib.sha256(text.encode()).digest()[:8], "big") % 10000
    [InlineData("variant", "checkout-button", "user-1", 2424)] // text "variant:15:checkout-button:user-1"
    [InlineData("variant", "checkout-button", "user-2", 7142)]
    [InlineData("traffic", "checkout-button", "user-1", 4942)]
    [InlineData("flag", "new-search", "user-1", 9606)]
    [InlineData("variant", "checkout-button", "käufer-ø", 4704)] // UTF-8, not UTF-16
    public void BucketIsTheDocumentedSha256ValueOnEveryMachine(string purpose, string key, string person, int expected)
    {
        Assert.Equal(expected, StableBucket.Of(purpose, key, person));
    }

    [Fact]
    public void SplitFollowsTheWeightsWithinOnePercentagePoint()
    {
        var experiment = new ExperimentDefinition("hero-banner", [new("control", 50), new("video", 30), new("carousel", 20)]);

        var counts = Enumerable.Range(0, 100_000)
            .Select(i => ExperimentAssigner.Choose(experiment, $"person-{i}")!)
            .CountBy(v => v)
            .ToDictionary();

        Assert.Equal(0.50, counts["control"] / 100_000.0, 0.01);
        Assert.Equal(0.30, counts["video"] / 100_000.0, 0.01);
        Assert.Equal(0.20, counts["carousel"] / 100_000.0, 0.01);
        // And no sign of a skewed hash: the split passes the same chi-squared check as the SRM guard.
        var test = ChiSquaredGoodnessOfFit.Test([counts["control"], counts["video"], counts["carousel"]], [50, 30, 20]);
        Assert.True(test.PValue > 0.001, $"p = {test.PValue}");
    }

    [Fact]
    public void DifferentExperimentsSplitIndependently()
    {
        var other = Button with { Key = "free-shipping-banner" };

        var both = Enumerable.Range(0, 40_000)
            .Count(i => ExperimentAssigner.Choose(Button, $"p{i}") == "green" && ExperimentAssigner.Choose(other, $"p{i}") == "green");

        Assert.Equal(0.25, both / 40_000.0, 0.01);
    }

    [Fact]
    public void TrafficShareAdmitsItsPercentageAndRaisingItKeepsEveryoneAlreadyIn()
    {
        var tenPercent = Button with { TrafficPercent = 10 };
        var twentyPercent = Button with { TrafficPercent = 20 };
        var people = Enumerable.Range(0, 50_000).Select(i => $"p{i}").ToArray();

        var inAtTen = people.Where(p => ExperimentAssigner.Choose(tenPercent, p) is not null).ToArray();

        Assert.Equal(0.10, inAtTen.Length / 50_000.0, 0.01);
        Assert.All(inAtTen, p => Assert.Equal(ExperimentAssigner.Choose(tenPercent, p), ExperimentAssigner.Choose(twentyPercent, p)));
        // The traffic hash is separate from the variant hash, so the admitted tenth still splits evenly.
        Assert.Equal(0.5, inAtTen.Count(p => ExperimentAssigner.Choose(tenPercent, p) == "green") / (double)inAtTen.Length, 0.03);
    }

    [Fact]
    public void RepeatedAssignmentReturnsTheRecordedVariant()
    {
        var ledger = new AssignmentLedger();

        var first = ExperimentAssigner.Assign(Button, "user-1", null, ledger, Now);
        var again = ExperimentAssigner.Assign(Button, "user-1", null, ledger, Now.AddDays(3));

        Assert.Same(first, again);
        Assert.Equal("control", first!.Variant); // bucket 2424 < 5000
    }

    [Fact]
    public void ReweightingReassignsNobodyAlreadyAssigned()
    {
        var registry = new ExperimentRegistry();
        Assert.Empty(registry.Add(Button));
        var ledger = new AssignmentLedger();
        var early = Enumerable.Range(0, 2_000).Select(i => $"early-{i}").ToArray();
        var before = early.ToDictionary(p => p, p => ExperimentAssigner.Assign(Button, p, null, ledger, Now)!.Variant);

        var reweighted = Button with { Version = 2, Variants = [new("control", 10), new("green", 90)] };
        Assert.Empty(registry.Revise(reweighted));

        Assert.All(early, p => Assert.Equal(before[p], ExperimentAssigner.Assign(reweighted, p, null, ledger, Now.AddDays(1))!.Variant));
        // Hashing alone would have moved the shoppers between the old and new boundary; the ledger is what keeps them.
        Assert.Contains(early, p => ExperimentAssigner.Choose(reweighted, p) != before[p]);
        var late = Enumerable.Range(0, 10_000).Select(i => ExperimentAssigner.Assign(reweighted, $"late-{i}", null, ledger, Now.AddDays(1))!);
        Assert.Equal(0.9, late.Count(a => a.Variant == "green") / 10_000.0, 0.01);
        Assert.All(ledger.ForExperiment(Button.Key).Where(a => a.PersonId.StartsWith("late-", StringComparison.Ordinal)), a => Assert.Equal(2, a.Version));
    }

    [Fact]
    public void AssignmentStaysStickyThroughIdentityMerge()
    {
        // An anonymous shopper hashed into "green" logs in as a customer whose own id hashes into "control".
        var anonymous = Enumerable.Range(0, 100).Select(i => $"anon-{i}").First(p => ExperimentAssigner.Choose(Button, p) == "green");
        var customer = Enumerable.Range(0, 100).Select(i => $"customer-{i}").First(p => ExperimentAssigner.Choose(Button, p) == "control");
        var ledger = new AssignmentLedger();
        var identities = new IdentityGraph();
        ExperimentAssigner.Assign(Button, anonymous, null, ledger, Now);

        identities.Merge(anonymous, customer);
        Assert.Empty(ledger.Merge(anonymous, customer));

        Assert.Equal("green", ExperimentAssigner.Assign(Button, customer, null, ledger, Now.AddHours(1))!.Variant);
        Assert.Equal("green", ExperimentAssigner.Assign(Button, identities.Resolve(anonymous), null, ledger, Now.AddHours(2))!.Variant);
    }

    [Fact]
    public void MergeOfConflictingAssignmentsKeepsTheEarlierAndReportsIt()
    {
        var ledger = new AssignmentLedger();
        ledger.Record(new Assignment(Button.Key, "phone", "green", 1, Now));
        ledger.Record(new Assignment(Button.Key, "customer", "control", 1, Now.AddDays(1)));

        var conflict = Assert.Single(ledger.Merge("phone", "customer"));

        Assert.Equal("green", ledger.Find("customer", Button.Key)!.Variant);
        Assert.Equal("control", conflict.Dropped.Variant);
        Assert.Null(ledger.Find("phone", Button.Key));
    }

    [Fact]
    public void TargetingAdmitsOnlyShoppersWhoseTraitsAndLiveFieldsMatch()
    {
        var loyal = Button with
        {
            Targeting = [new PropertyFilter("loyaltyScore", FilterOperator.GreaterOrEqual, "0.8"), PropertyFilter.OneOf("country", "DE", "AT")],
        };
        var ledger = new AssignmentLedger();

        Assert.NotNull(ExperimentAssigner.Assign(loyal, "a", Attributes(("loyaltyScore", "0.92"), ("country", "DE")), ledger, Now));
        Assert.Null(ExperimentAssigner.Assign(loyal, "b", Attributes(("loyaltyScore", "0.5"), ("country", "DE")), ledger, Now));
        Assert.Null(ExperimentAssigner.Assign(loyal, "c", Attributes(("loyaltyScore", "0.95"), ("country", "FR")), ledger, Now));
        Assert.Null(ExperimentAssigner.Assign(loyal, "d", null, ledger, Now));
        Assert.Equal(1, ledger.Count);
    }

    [Fact]
    public void ShopperWhoStopsMatchingTheTargetingKeepsTheirVariant()
    {
        var loyal = Button with { Targeting = [new PropertyFilter("loyaltyScore", FilterOperator.GreaterOrEqual, "0.8")] };
        var ledger = new AssignmentLedger();
        var assigned = ExperimentAssigner.Assign(loyal, "a", Attributes(("loyaltyScore", "0.9")), ledger, Now);

        // Their score dropped; dropping them would bias the variant they were in.
        Assert.Same(assigned, ExperimentAssigner.Assign(loyal, "a", Attributes(("loyaltyScore", "0.2")), ledger, Now.AddDays(1)));
    }

    private static Dictionary<string, string> Attributes(params (string Key, string Value)[] pairs) =>
        pairs.ToDictionary(p => p.Key, p => p.Value);
}
