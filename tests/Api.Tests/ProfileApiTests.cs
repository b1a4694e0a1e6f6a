using System.Net;

namespace Orleans.Personalization.Api.Tests;

public sealed class ProfileApiTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private readonly HttpClient _write = app.CreateClient(PersonalizationApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(PersonalizationApp.ReadKey);

    [Fact]
    public async Task UnknownUserIsNotFoundAsAProblem()
    {
        var response = await _read.GetAsync($"/v1/users/{Guid.NewGuid():N}/profile");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task IdsWithSlashesSentEncodedInThePathNameTheSameShopperAndProduct()
    {
        var anon = $"web/{Guid.NewGuid():N}";
        var product = $"sku/{Guid.NewGuid():N}";
        await _write.PostJsonAsync("/v1/track", $$$"""{"anonymousId":"{{{anon}}}","event":"Product Viewed","properties":{"product_id":"{{{product}}}"}}""");
        var put = await _write.PutAsync($"/v1/catalog/products/{Uri.EscapeDataString(product)}", HttpJson.Body(new { title = "Slashed", price = 5.5m, currency = "EUR" }));
        Assert.Equal(HttpStatusCode.Created, put.StatusCode);

        var profile = await (await _read.GetAsync($"/v1/anonymous/{Uri.EscapeDataString(anon)}/profile")).ReadJsonAsync();
        Assert.Equal(product, (string)profile["recentlyViewed"]![0]!["productId"]!);
        var stored = await (await _read.GetAsync($"/v1/catalog/products/{Uri.EscapeDataString(product)}")).ReadJsonAsync();
        Assert.Equal((product, "Slashed"), ((string)stored["productId"]!, (string)stored["title"]!));
    }

    [Fact]
    public async Task LoginMergesAnonymousBrowsingIntoTheUsersProfile()
    {
        var anon = Guid.NewGuid().ToString("N");
        var user = Guid.NewGuid().ToString("N");
        await _write.PostJsonAsync("/v1/batch", $$$"""
            {"batch":[
              {"type":"page","anonymousId":"{{{anon}}}","name":"Home"},
              {"type":"track","anonymousId":"{{{anon}}}","event":"Product Viewed","properties":{"product_id":"boot-1","category":"Boots","price":120}},
              {"type":"track","anonymousId":"{{{anon}}}","event":"Product Added","properties":{"product_id":"boot-1","price":120}}
            ]}
            """);

        await _write.PostJsonAsync("/v1/identify", $$$"""{"userId":"{{{user}}}","anonymousId":"{{{anon}}}","traits":{"email":"x@example.com"}}""");
        await _write.PostJsonAsync("/v1/track", $$$"""{"anonymousId":"{{{anon}}}","event":"Product Viewed","properties":{"product_id":"sock-2"}}""");

        var profile = await _read.GetProfileAsync(user);
        Assert.Equal(["sock-2", "boot-1"], profile["recentlyViewed"]!.AsArray().Select(p => (string)p!["productId"]!));
        Assert.Equal(120m, (decimal)profile["cart"]!["value"]!);
        Assert.Equal(5, (int)profile["eventCount"]!);
        var viaAnonymous = await _read.GetAsync($"/v1/anonymous/{anon}/profile");
        Assert.Equal($"/v1/users/{user}/profile", viaAnonymous.Content.Headers.ContentLocation?.OriginalString ?? viaAnonymous.Headers.GetValues("Content-Location").Single());
        Assert.Equal(user, (string)(await viaAnonymous.ReadJsonAsync())["userId"]!);
    }

    [Fact]
    public async Task OverlongIdIsAProblemNamingIt()
    {
        var response = await _read.GetAsync($"/v1/users/{new string('u', 300)}/profile");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["userId"]);
    }
}
