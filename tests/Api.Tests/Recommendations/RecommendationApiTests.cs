using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Api.Tests.Recommendations;

public sealed class RecommendationApiTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private readonly HttpClient _write = app.CreateClient(PersonalizationApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(PersonalizationApp.ReadKey);

    [Fact]
    public async Task AProductPageRecommendsWhatWasViewedWithItAndSaysSo()
    {
        var (boot, sock, lace) = (StoreTraffic.NewId("boot"), StoreTraffic.NewId("sock"), StoreTraffic.NewId("lace"));
        await _write.PutProductAsync(boot, "Trail boot", ["Shoes", "Boots"], 120);
        await _write.ViewAsync(StoreTraffic.NewId("v"), boot, sock);
        await _write.ViewAsync(StoreTraffic.NewId("v"), boot, sock, lace);
        await app.CatchUpAsync();

        var answer = await _read.RecommendAsync($"placement=product_page&productId={boot}&anonymousId={StoreTraffic.NewId("v")}");

        Assert.Equal([sock, lace], answer.Ids().Take(2));
        Assert.Equal("co-view", (string)answer.Item(sock)["strategy"]!);
        Assert.Equal("viewed with Trail boot", (string)answer.Item(sock)["reason"]!);
        Assert.Equal("product_page", (string)answer["placement"]!);
        Assert.StartsWith("rec_product_page_", (string)answer["recommendationId"]!, StringComparison.Ordinal);
        Assert.DoesNotContain(boot, answer.Ids());
    }

    [Fact]
    public async Task TheVeryNextCartRequestReflectsAnAddToCartThatJustHappened()
    {
        var (tent, pegs, lamp) = (StoreTraffic.NewId("tent"), StoreTraffic.NewId("pegs"), StoreTraffic.NewId("lamp"));
        await _write.PutProductAsync(tent, "Tent", ["Camping"], 200);
        await _write.OrderAsync(StoreTraffic.NewId("s"), StoreTraffic.NewId("o"), tent, pegs);
        await _write.OrderAsync(StoreTraffic.NewId("s"), StoreTraffic.NewId("o"), tent, pegs, lamp);
        await app.CatchUpAsync();
        var shopper = StoreTraffic.NewId("v");
        var before = await _read.RecommendAsync($"placement=cart&anonymousId={shopper}");
        Assert.DoesNotContain(before["items"]!.AsArray(), i => ((string)i!["reason"]!).StartsWith("bought with", StringComparison.Ordinal));

        await _write.PostJsonAsync("/v1/track", $$$"""{"anonymousId":"{{{shopper}}}","event":"Product Added","properties":{"product_id":"{{{tent}}}","quantity":1}}""");
        var answer = await _read.RecommendAsync($"placement=cart&anonymousId={shopper}");

        Assert.Equal(pegs, answer.Ids()[0]);
        Assert.Equal("bought with Tent", (string)answer.Item(pegs)["reason"]!);
        Assert.Equal("co-purchase", (string)answer.Item(pegs)["strategy"]!);
        Assert.DoesNotContain(tent, answer.Ids());
    }

    [Fact]
    public async Task AnUnknownShopperOnAnUnknownProductGetsTrendingProducts()
    {
        var category = StoreTraffic.NewId("cat");
        var (hot, warm) = (StoreTraffic.NewId("hot"), StoreTraffic.NewId("warm"));
        await _write.PutProductAsync(hot, "Hot", [category], 10);
        await _write.PutProductAsync(warm, "Warm", [category], 10);
        await _write.ViewAsync(StoreTraffic.NewId("v"), hot);
        await _write.ViewAsync(StoreTraffic.NewId("v"), hot, warm);
        await app.CatchUpAsync();

        var home = await _read.RecommendAsync($"placement=home&userId={StoreTraffic.NewId("u")}&category={category}");
        var page = await _read.RecommendAsync($"placement=product_page&productId={StoreTraffic.NewId("nothing")}&userId={StoreTraffic.NewId("u")}&category={category}");

        Assert.Equal([hot, warm], home.Ids());
        Assert.Equal($"trending in {category}", (string)home.Item(hot)["reason"]!);
        Assert.Equal([hot, warm], page.Ids());
    }

    [Fact]
    public async Task BoughtProductsAreLeftOutUnlessTheRequestAsksForThem()
    {
        var (phone, case_, charger) = (StoreTraffic.NewId("phone"), StoreTraffic.NewId("case"), StoreTraffic.NewId("charger"));
        await _write.OrderAsync(StoreTraffic.NewId("s"), StoreTraffic.NewId("o"), phone, case_, charger);
        var shopper = StoreTraffic.NewId("v");
        await _write.OrderAsync(shopper, StoreTraffic.NewId("o"), phone, case_);
        await app.CatchUpAsync();

        var confirmation = await _read.RecommendAsync($"placement=order_confirmation&anonymousId={shopper}");
        var withPurchases = await _read.RecommendAsync($"placement=order_confirmation&anonymousId={shopper}&cart={phone}&includePurchased=true");

        Assert.Equal(charger, confirmation.Ids()[0]);
        Assert.DoesNotContain(case_, confirmation.Ids());
        Assert.Contains(case_, withPurchases.Ids());
        Assert.DoesNotContain(phone, withPurchases.Ids());
    }

    [Fact]
    public async Task FiltersKeepOnlyProductsInTheCategoryPriceRangeAndStockAsked()
    {
        var category = StoreTraffic.NewId("cat");
        var ids = Enumerable.Range(0, 5).Select(i => StoreTraffic.NewId($"p{i}")).ToArray();
        for (var i = 0; i < ids.Length; i++)
        {
            await _write.PutProductAsync(ids[i], $"Product {i}", [category, i % 2 == 0 ? "Even" : "Odd"], 10 * (i + 1), inStock: i != 4);
            await _write.ViewAsync(StoreTraffic.NewId("v"), ids[i]);
        }

        await app.CatchUpAsync();
        var shopper = StoreTraffic.NewId("v");

        var even = await _read.RecommendAsync($"placement=home&anonymousId={shopper}&category=Even&count=10&exclude={ids[0]}");
        var priced = await _read.RecommendAsync($"placement=home&anonymousId={shopper}&category={category}&minPrice=20&maxPrice=40.00");
        var anyStock = await _read.RecommendAsync($"placement=home&anonymousId={shopper}&category={category}&inStock=false&count=10");

        Assert.Equal([ids[2]], even.Ids().Where(ids.Contains));
        Assert.Equal(new[] { ids[1], ids[2], ids[3] }.Order(StringComparer.Ordinal), priced.Ids().Order(StringComparer.Ordinal));
        Assert.Contains(ids[4], anyStock.Ids());
        Assert.DoesNotContain(ids[4], (await _read.RecommendAsync($"placement=home&anonymousId={shopper}&category={category}&count=10")).Ids());
    }

    [Fact]
    public async Task NoMoreThanThreeProductsOfOneCategoryOnHome()
    {
        var category = StoreTraffic.NewId("cat");
        foreach (var id in Enumerable.Range(0, 5).Select(i => StoreTraffic.NewId($"p{i}")))
        {
            await _write.PutProductAsync(id, id, [category], 5);
            await _write.ViewAsync(StoreTraffic.NewId("v"), id);
        }

        await app.CatchUpAsync();

        Assert.Equal(3, (await _read.RecommendAsync($"placement=home&anonymousId={StoreTraffic.NewId("v")}&category={category}&count=10")).Ids().Length);
    }

    [Fact]
    public async Task HomeFollowsTheShoppersSessionAndSaysWhichViewLedThere()
    {
        var (jacket, gloves, hat) = (StoreTraffic.NewId("jacket"), StoreTraffic.NewId("gloves"), StoreTraffic.NewId("hat"));
        await _write.PutProductAsync(jacket, "Rain jacket", ["Jackets"], 150);
        await _write.ViewAsync(StoreTraffic.NewId("v"), jacket, gloves, hat);
        await _write.ViewAsync(StoreTraffic.NewId("v"), jacket, gloves);
        var shopper = StoreTraffic.NewId("v");
        await _write.ViewAsync(shopper, jacket);
        await app.CatchUpAsync();

        var answer = await _read.RecommendAsync($"placement=home&anonymousId={shopper}");

        Assert.Equal([gloves, hat], answer.Ids().Take(2));
        Assert.Equal("because you viewed Rain jacket", (string)answer.Item(gloves)["reason"]!);
        Assert.DoesNotContain(jacket, answer.Ids());
    }

    [Fact]
    public async Task SearchBoostsProductsMatchingTheQuery()
    {
        var category = StoreTraffic.NewId("cat");
        var (plain, match) = (StoreTraffic.NewId("plain"), StoreTraffic.NewId("match"));
        await _write.PutProductAsync(plain, "Wool socks", [category], 10);
        await _write.PutProductAsync(match, "Waterproof hiking boot", [category], 10);
        await _write.ViewAsync(StoreTraffic.NewId("v"), plain, plain);
        await _write.ViewAsync(StoreTraffic.NewId("v"), plain, match);
        await app.CatchUpAsync();

        var answer = await _read.RecommendAsync($"placement=search&anonymousId={StoreTraffic.NewId("v")}&q=hiking%20boot&category={category}");

        Assert.Equal([match, plain], answer.Ids());
        Assert.Equal(("search", "matches \"hiking boot\""), ((string)answer.Item(match)["strategy"]!, (string)answer.Item(match)["reason"]!));
    }

    [Theory]
    [InlineData("anonymousId=v", "placement")]
    [InlineData("placement=attic&anonymousId=v", "placement")]
    [InlineData("placement=home", "userId")]
    [InlineData("placement=home&anonymousId=v&count=0", "count")]
    [InlineData("placement=home&anonymousId=v&count=101", "count")]
    [InlineData("placement=home&anonymousId=v&count=ten", "count")]
    [InlineData("placement=home&anonymousId=v&count=1&count=2", "count")]
    [InlineData("placement=home&anonymousId=v&minPrice=cheap", "minPrice")]
    [InlineData("placement=home&anonymousId=v&minPrice=50&maxPrice=10", "maxPrice")]
    [InlineData("placement=home&anonymousId=v&inStock=yes", "inStock")]
    [InlineData("placement=product_page&anonymousId=v", "productId")]
    public async Task BadParametersAreProblemsNamingTheParameter(string query, string parameter)
    {
        var response = await _read.GetAsync($"/v1/recommendations?{query}");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]![parameter]);
    }

    [Fact]
    public async Task RecommendationsNeedAReadKey()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _write.GetAsync("/v1/recommendations?placement=home&anonymousId=v")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient(null).GetAsync("/v1/recommendations?placement=home&anonymousId=v")).StatusCode);
    }

    [Fact]
    public async Task ImpressionsAndClicksAreJournaledWithThePlacementAndStrategyAndRetriesCountOnce()
    {
        var (boot, sock) = (StoreTraffic.NewId("boot"), StoreTraffic.NewId("sock"));
        await _write.ViewAsync(StoreTraffic.NewId("v"), boot, sock);
        await app.CatchUpAsync();
        var shopper = StoreTraffic.NewId("v");
        var answer = await _read.RecommendAsync($"placement=product_page&productId={boot}&anonymousId={shopper}");
        var id = (string)answer["recommendationId"]!;

        var shown = await _write.PostAsJsonAsync($"/v1/recommendations/{id}/impressions", new { anonymousId = shopper, productIds = answer.Ids() });
        var retried = await _write.PostAsJsonAsync($"/v1/recommendations/{id}/impressions", new { anonymousId = shopper, productIds = answer.Ids() });
        var clicked = await _write.PostAsJsonAsync($"/v1/recommendations/{id}/clicks", new { anonymousId = shopper, productId = sock });

        Assert.Equal((1, 0), await CountsAsync(shown));
        Assert.Equal((0, 1), await CountsAsync(retried));
        Assert.Equal((1, 0), await CountsAsync(clicked));
        var journal = await app.Services.GetRequiredService<IJournalStore>().ReadStreamAsync($"user/a:{shopper}", 0);
        Assert.Equal(["recommendation-impression", "recommendation-click"], journal.Select(r => r.EventType));
        var click = System.Text.Json.Nodes.JsonNode.Parse(journal[1].Payload)!;
        Assert.Equal((id, "product_page"), ((string)click["recommendationId"]!, (string)click["placement"]!));
        Assert.Equal((sock, "co-view", 1), ((string)click["product"]!["productId"]!, (string)click["product"]!["strategy"]!, (int)click["product"]!["position"]!));
    }

    [Fact]
    public async Task AClickReportedAfterTheShopperLoggedInIsStillAttributedToItsStrategy()
    {
        // The answer went to the anonymous shopper's grain; the click arrives for the user it merged into, whose grain
        // never served it. The strategy and position come from the recommendation id.
        var (boot, sock) = (StoreTraffic.NewId("boot"), StoreTraffic.NewId("sock"));
        await _write.ViewAsync(StoreTraffic.NewId("v"), boot, sock);
        await app.CatchUpAsync();
        var (visitor, user) = (StoreTraffic.NewId("v"), StoreTraffic.NewId("u"));
        var answer = await _read.RecommendAsync($"placement=product_page&productId={boot}&anonymousId={visitor}");
        var id = (string)answer["recommendationId"]!;
        var identified = await _write.PostJsonAsync("/v1/identify", new JsonObject { ["userId"] = user, ["anonymousId"] = visitor }.ToJsonString());
        identified.EnsureSuccessStatusCode();

        var clicked = await _write.PostAsJsonAsync($"/v1/recommendations/{id}/clicks", new { userId = user, productId = sock });

        Assert.Equal((1, 0), await CountsAsync(clicked));
        var journal = await app.Services.GetRequiredService<IJournalStore>().ReadStreamAsync($"user/u:{user}", 0);
        var click = System.Text.Json.Nodes.JsonNode.Parse(journal.Single(r => r.EventType == "recommendation-click").Payload)!;
        Assert.Equal((sock, "co-view", 1), ((string)click["product"]!["productId"]!, (string)click["product"]!["strategy"]!, (int)click["product"]!["position"]!));
    }

    [Fact]
    public async Task FeedbackWithABadIdOrWithoutAProductIsAProblemNamingTheField()
    {
        var badId = await _write.PostAsJsonAsync("/v1/recommendations/nonsense/clicks", new { anonymousId = "v", productId = "p" });
        var noProduct = await _write.PostAsJsonAsync("/v1/recommendations/rec_home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61/clicks", new { anonymousId = "v" });
        var noShopper = await _write.PostAsJsonAsync("/v1/recommendations/rec_home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61/impressions", new { productIds = new List<string> { "p" } });
        var readKey = await _read.PostAsJsonAsync("/v1/recommendations/rec_home_0197c6f2a0d87b3e9d1c5f0a8b2e4d61/impressions", new { anonymousId = "v", productIds = new List<string> { "p" } });

        Assert.NotNull((await badId.ReadJsonAsync())["errors"]!["recommendationId"]);
        Assert.NotNull((await noProduct.ReadJsonAsync())["errors"]!["productId"]);
        Assert.NotNull((await noShopper.ReadJsonAsync())["errors"]!["userId"]);
        Assert.Equal(HttpStatusCode.Forbidden, readKey.StatusCode);
    }

    private static async Task<(int Accepted, int Duplicates)> CountsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        return ((int)body["accepted"]!, (int)body["duplicates"]!);
    }
}
