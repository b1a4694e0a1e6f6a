using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.CoOccurrence;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class ContributionDeriverTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly StreamWindow _window = new();
    private readonly List<(string Product, CoOccurrenceContribution Contribution)> _out = [];
    private long _sequence;

    [Fact]
    public void AFirstViewPairsWithTheSessionsEarlierViewsBothWays()
    {
        View("a", 0);
        View("b", 1);
        _out.Clear();

        View("c", 2);

        var own = Assert.Single(_out, o => o.Product == "c").Contribution;
        Assert.Equal(ContributionKind.View, own.Kind);
        Assert.Equal(["a", "b"], own.Partners);
        Assert.Equal(["a", "b", "c"], own.SessionItems);
        Assert.Equal([("a", ContributionKind.PartnerView), ("b", ContributionKind.PartnerView)],
            _out.Where(o => o.Product != "c").Select(o => (o.Product, o.Contribution.Kind)));
        Assert.All(_out.Where(o => o.Product != "c"), o => Assert.Equal(["c"], o.Contribution.Partners));
        Assert.All(_out, o => Assert.Equal(own.SessionKey, o.Contribution.SessionKey));
    }

    [Fact]
    public void AViewAgainInTheSameSessionIsActivityOnly()
    {
        View("a", 0);
        View("b", 1);
        _out.Clear();

        View("a", 2);

        var again = Assert.Single(_out);
        Assert.Equal(("a", ContributionKind.RepeatView), (again.Product, again.Contribution.Kind));
        Assert.Empty(again.Contribution.Partners);
    }

    [Fact]
    public void AGapOfMoreThanThirtyMinutesStartsANewSession()
    {
        View("a", 0);
        _out.Clear();

        View("b", 31);

        var own = Assert.Single(_out).Contribution;
        Assert.Equal(ContributionKind.View, own.Kind);
        Assert.Empty(own.Partners);
    }

    [Fact]
    public void AddsToCartPairOnlyWithEarlierAddsOfTheSession()
    {
        View("a", 0);
        Add("b", 1);
        _out.Clear();

        Add("c", 2);

        Assert.Equal([("c", ContributionKind.Cart), ("b", ContributionKind.PartnerCart)], _out.Select(o => (o.Product, o.Contribution.Kind)));
        Assert.Equal(["b"], _out[0].Contribution.Partners);
        Assert.Null(_out[0].Contribution.SessionItems);
    }

    [Fact]
    public void AnOrderPairsEachProductWithTheOthersOnceEvenIfReportedTwice()
    {
        Order("o-1", 0, "a", "b", "a", "c");
        Order("o-1", 1, "a", "b", "c");

        Assert.Equal(["a", "b", "c"], _out.Select(o => o.Product));
        Assert.All(_out, o => Assert.Equal(ContributionKind.Purchase, o.Contribution.Kind));
        Assert.Equal(["b", "c"], _out[0].Contribution.Partners);
        Assert.Equal(["a", "c"], _out[1].Contribution.Partners);
    }

    [Fact]
    public void ContributionsCarryTheirLogPositionAndWhatTheEventSaidOfTheProduct()
    {
        View("a", 0, position: 41, category: "Shoes", price: 80);

        var contribution = Assert.Single(_out).Contribution;
        Assert.Equal((7, 41L), (contribution.Partition, contribution.Position));
        Assert.Equal(new ProductFacts(null, "Shoes", 80), contribution.Facts);
        Assert.Equal(T0.ToUnixTimeMilliseconds(), contribution.AtMs);
    }

    [Fact]
    public void EventsOlderThanTheWindowNoLongerPair()
    {
        View("a", 0);
        for (var i = 0; i < StreamWindow.Span; i++)
        {
            Fold(new PageViewed { MessageId = $"p{i}", Timestamp = T0 });
        }

        _out.Clear();
        View("b", 1);

        Assert.Empty(Assert.Single(_out).Contribution.Partners);
    }

    [Fact]
    public void AWindowRebuiltFromAnyPointGivesTheSameContributionsAsTheLiveOne()
    {
        var random = new Random(3);
        var events = Enumerable.Range(0, 400).Select(i => random.Next(10) switch
        {
            < 6 => (ShopperEvent)new ProductViewed { MessageId = $"m{i}", Timestamp = T0.AddMinutes(i * random.Next(1, 8)), Product = new ProductLine($"p{random.Next(15)}") },
            < 8 => new ProductAdded { MessageId = $"m{i}", Timestamp = T0.AddMinutes(i * 3), Product = new ProductLine($"p{random.Next(15)}"), Quantity = 1 },
            8 => new OrderCompleted { MessageId = $"m{i}", Timestamp = T0.AddMinutes(i * 3), OrderId = $"o{random.Next(30)}", Revenue = 1, Currency = "EUR", Products = [new ProductLine($"p{random.Next(15)}"), new ProductLine($"p{random.Next(15)}")] },
            _ => new PageViewed { MessageId = $"m{i}", Timestamp = T0.AddMinutes(i * 3) },
        }).ToArray();

        var live = new StreamWindow();
        for (var n = 1; n <= events.Length; n++)
        {
            var rebuilt = new StreamWindow();
            for (var s = Math.Max(1, n - StreamWindow.Span); s < n; s++)
            {
                ContributionDeriver.Fold(rebuilt, "user/a:x", 0, 0, s, events[s - 1], emit: null);
            }

            var fromLive = new List<string>();
            var fromRebuilt = new List<string>();
            ContributionDeriver.Fold(live, "user/a:x", 0, n, n, events[n - 1], (p, c) => fromLive.Add(Describe(p, c)));
            ContributionDeriver.Fold(rebuilt, "user/a:x", 0, n, n, events[n - 1], (p, c) => fromRebuilt.Add(Describe(p, c)));
            Assert.Equal(fromLive, fromRebuilt);
        }
    }

    private static string Describe(string product, CoOccurrenceContribution c) =>
        $"{product} {c.Kind} {c.Position} {string.Join(',', c.Partners)} {c.SessionKey} {string.Join(',', c.SessionItems ?? [])}";

    private void View(string product, int minute, long? position = null, string? category = null, decimal? price = null) =>
        Fold(new ProductViewed { MessageId = Guid.NewGuid().ToString(), Timestamp = T0.AddMinutes(minute), Product = new ProductLine(product, Category: category, Price: price) }, position);

    private void Add(string product, int minute) =>
        Fold(new ProductAdded { MessageId = Guid.NewGuid().ToString(), Timestamp = T0.AddMinutes(minute), Product = new ProductLine(product), Quantity = 1 });

    private void Order(string orderId, int minute, params string[] products) =>
        Fold(new OrderCompleted
        {
            MessageId = Guid.NewGuid().ToString(),
            Timestamp = T0.AddMinutes(minute),
            OrderId = orderId,
            Revenue = 10,
            Currency = "EUR",
            Products = products.Select(p => new ProductLine(p)).ToArray(),
        });

    private void Fold(ShopperEvent e, long? position = null)
    {
        _sequence++;
        ContributionDeriver.Fold(_window, "user/a:shopper", 7, position ?? _sequence * 10, _sequence, e, (p, c) => _out.Add((p, c)));
    }
}
