using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Api.Tests.Recommendations;
using Orleans.Personalization.Grains;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Runtime.Storage;
using static Orleans.Personalization.Api.Tests.Analytics.AnalyticsTraffic;

namespace Orleans.Personalization.Api.Tests.Analytics;

/// <summary>Recommendation strategies as experiment variants: personalized against popular on the home placement.</summary>
public sealed class PersonalizationVariantTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private readonly HttpClient _write = app.CreateClient(PersonalizationApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(PersonalizationApp.ReadKey);

    [Fact]
    public async Task AShopperInThePopularVariantIsRankedByPopularityAndServingItIsTheExposure()
    {
        var key = $"home-{Guid.NewGuid():N}"[..13];
        await _write.PostOkAsync("/v1/experiments", new JsonObject
        {
            ["key"] = key,
            ["variants"] = new JsonArray(
                new JsonObject { ["key"] = "personalized", ["weight"] = 50 },
                new JsonObject { ["key"] = "popular", ["weight"] = 50, ["recommendations"] = new JsonObject { ["home"] = new JsonObject { ["popular"] = 1 } } }),
        }, HttpStatusCode.Created);
        var definition = new ExperimentDefinition(key, [new ExperimentVariant("personalized", 50), new ExperimentVariant("popular", 50)]);
        var category = StoreTraffic.NewId("cat");
        var products = Enumerable.Range(0, 4).Select(_ => StoreTraffic.NewId("p")).ToArray();
        foreach (var product in products)
        {
            await _write.PutProductAsync(product, product, [category], 20);
        }

        await _write.ViewAsync(StoreTraffic.NewId("v"), products);
        await _write.ViewAsync(StoreTraffic.NewId("v"), products[0], products[1]);
        await app.CatchUpAsync();
        string visitor;
        do
        {
            visitor = StoreTraffic.NewId("v");
        }
        while (ExperimentAssigner.Choose(definition, ShopperKey.ForAnonymous(visitor)) != "popular");

        var served = await _read.RecommendAsync($"placement=home&anonymousId={visitor}&category={category}");
        await _read.RecommendAsync($"placement=home&anonymousId={visitor}&category={category}");
        var assignment = await _read.GetOkAsync($"/v1/experiments/{key}/assignment?anonymousId={visitor}");

        Assert.NotEmpty(served["items"]!.AsArray());
        Assert.All(served["items"]!.AsArray(), static i => Assert.Equal("popular", (string)i!["strategy"]!));
        Assert.Equal(("popular", false), ((string)assignment["variant"]!, (bool)assignment["exposureLogged"]!));
        var exposure = Assert.Single(await ExposuresAsync(ShopperKey.ForAnonymous(visitor)));
        Assert.Equal(("popular", "recommendations"), (exposure.Variant, exposure.Source));
    }

    private async Task<ExperimentExposed[]> ExposuresAsync(string shopper) =>
        (await app.Services.GetRequiredService<IJournalStore>().ReadStreamAsync($"user/{shopper}", 0))
            .Where(static r => r.EventType == "experiment-exposure")
            .Select(static r => (ExperimentExposed)JsonSerializer.Deserialize(r.Payload, ShopperJsonContext.Default.ShopperEvent)!)
            .ToArray();
}
