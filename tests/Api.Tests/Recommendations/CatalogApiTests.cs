using System.Net;
using System.Net.Http.Json;

namespace Orleans.Personalization.Api.Tests.Recommendations;

public sealed class CatalogApiTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private readonly HttpClient _write = app.CreateClient(PersonalizationApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(PersonalizationApp.ReadKey);

    [Fact]
    public async Task PutCreatesAProductThenReplacesIt()
    {
        var id = StoreTraffic.NewId("boot");
        var created = await _write.PutAsJsonAsync($"/v1/catalog/products/{id}", new
        {
            title = "Hiking boot", categoryPath = new List<string> { "Shoes", "Boots" }, price = 129.5, currency = "eur", inStock = true,
            attributes = new { color = "brown", waterproof = true, size = 42 },
        });
        var replaced = await _write.PutAsJsonAsync($"/v1/catalog/products/{id}", new { title = "Hiking boot II", categoryPath = new List<string> { "Shoes" }, inStock = false });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal($"/v1/catalog/products/{id}", created.Headers.Location!.OriginalString);
        Assert.Equal("EUR", (string)(await created.ReadJsonAsync())["currency"]!);
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);
        var product = await (await _read.GetAsync($"/v1/catalog/products/{id}")).ReadJsonAsync();
        Assert.Equal("Hiking boot II", (string)product["title"]!);
        Assert.False((bool)product["inStock"]!);
        Assert.Null(product["price"]);
        Assert.True((bool)product["inCatalog"]!);
    }

    [Fact]
    public async Task APutWithBadFieldsIsAProblemNamingEachField()
    {
        var response = await _write.PutAsync($"/v1/catalog/products/{StoreTraffic.NewId("p")}", new StringContent(
            """{"title":"","categoryPath":"Shoes","price":-1,"currency":"euro","inStock":"yes","attributes":{"nested":{"a":1}}}""",
            System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        var fields = (await response.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key).Order(StringComparer.Ordinal);
        Assert.Equal(["attributes.nested", "categoryPath", "currency", "inStock", "price", "title"], fields);
    }

    [Fact]
    public async Task APriceWithoutACurrencyIsAProblem()
    {
        var response = await _write.PutAsJsonAsync($"/v1/catalog/products/{StoreTraffic.NewId("p")}", new { title = "Sock", price = 5 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.NotNull((await response.ReadJsonAsync())["errors"]!["currency"]);
    }

    [Fact]
    public async Task ABulkWriteStoresEveryProductOrNone()
    {
        var (a, b) = (StoreTraffic.NewId("a"), StoreTraffic.NewId("b"));

        var refused = await _write.PostAsJsonAsync("/v1/catalog/products", new
        {
            products = new object[] { new { productId = a, title = "A" }, new { productId = b, title = "B", price = "cheap", currency = "EUR" } },
        });
        var accepted = await _write.PostAsJsonAsync("/v1/catalog/products", new
        {
            products = new object[] { new { productId = a, title = "A", categoryPath = new List<string> { "X" } }, new { productId = b, title = "B", price = 3, currency = "EUR" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(["products[1].price"], (await refused.ReadJsonAsync())["errors"]!.AsObject().Select(e => e.Key));
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var body = await accepted.ReadJsonAsync();
        Assert.Equal((2, 2), ((int)body["upserted"]!, (int)body["created"]!));
        Assert.Equal(3m, (decimal)(await (await _read.GetAsync($"/v1/catalog/products/{b}")).ReadJsonAsync())["price"]!);
    }

    [Fact]
    public async Task ABulkWriteWithoutProductsOrIdsNamesWhatIsMissing()
    {
        var empty = await _write.PostJsonAsync("/v1/catalog/products", """{"items":[]}""");
        var noId = await _write.PostJsonAsync("/v1/catalog/products", """{"products":[{"title":"A"}]}""");

        Assert.NotNull((await empty.ReadJsonAsync())["errors"]!["products"]);
        Assert.NotNull((await noId.ReadJsonAsync())["errors"]!["products[0].productId"]);
    }

    [Fact]
    public async Task CatalogWritesNeedAWriteKeyAndReadsAReadKey()
    {
        var id = StoreTraffic.NewId("p");

        Assert.Equal(HttpStatusCode.Forbidden, (await _read.PutAsJsonAsync($"/v1/catalog/products/{id}", new { title = "T" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient(null).PutAsJsonAsync($"/v1/catalog/products/{id}", new { title = "T" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _write.GetAsync($"/v1/catalog/products/{id}")).StatusCode);
    }

    [Fact]
    public async Task AProductNamedByEventsExistsWithoutACatalogEntry()
    {
        var id = StoreTraffic.NewId("p");
        Assert.Equal(HttpStatusCode.NotFound, (await _read.GetAsync($"/v1/catalog/products/{id}")).StatusCode);
        await _write.PostJsonAsync("/v1/track", $$$"""
            {"anonymousId":"v","event":"Product Viewed","properties":{"product_id":"{{{id}}}","name":"Scarf","category":"Accessories","price":19}}
            """);

        await app.CatchUpAsync();

        var product = await (await _read.GetAsync($"/v1/catalog/products/{id}")).ReadJsonAsync();
        Assert.False((bool)product["inCatalog"]!);
        Assert.Equal(("Scarf", "Accessories", 19m, 1), ((string)product["title"]!, (string)product["category"]!, (decimal)product["price"]!, (int)product["views"]!));
    }
}
