using System.Net;
using System.Text.Json.Nodes;

namespace Orleans.Personalization.Api.Tests.Triggers;

/// <summary>Managing subscriptions on the production settings, where private networks are refused.</summary>
public sealed class WebhookApiTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private readonly HttpClient _write = app.CreateClient(PersonalizationApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(PersonalizationApp.ReadKey);

    private async Task<JsonNode> CreateAsync(string json)
    {
        var response = await _write.PostJsonAsync("/v1/webhooks", json);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.ReadJsonAsync();
    }

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.ReadJsonAsync())["errors"]!.AsObject();
    }

    [Fact]
    public async Task CreatedSubscriptionShowsItsGeneratedSecretOnceAndNeverAgain()
    {
        var created = await CreateAsync("""{"url":"https://hooks.example.com/triggers","types":["cart_abandonment","price_drop"],"description":"CRM"}""");
        var id = (string)created["id"]!;
        var secret = (string)created["secret"]!;

        var one = await (await _read.GetAsync($"/v1/webhooks/{id}")).Content.ReadAsStringAsync();
        var all = await (await _read.GetAsync("/v1/webhooks")).Content.ReadAsStringAsync();

        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        Assert.True(secret.Length >= 40);
        Assert.Equal(["cart_abandonment", "price_drop"], created["types"]!.AsArray().Select(t => (string)t!));
        Assert.DoesNotContain(secret, one, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", one, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(id, all, StringComparison.Ordinal);
        Assert.DoesNotContain(secret, all, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GivenSecretIsKeptAndAChangedSecretIsNotShown()
    {
        var created = await CreateAsync("""{"url":"https://hooks.example.com/a","secret":"my-own-secret-0123456789"}""");
        var id = (string)created["id"]!;

        var patched = await _write.PatchAsync($"/v1/webhooks/{id}", HttpJson.Body(new { secret = "rotated-secret-0123456789", enabled = false }));
        var body = await patched.Content.ReadAsStringAsync();

        Assert.Equal("my-own-secret-0123456789", (string)created["secret"]!);
        Assert.Equal(HttpStatusCode.OK, patched.StatusCode);
        Assert.DoesNotContain("rotated-secret", body, StringComparison.Ordinal);
        Assert.False((bool)JsonNode.Parse(body)!["enabled"]!);
    }

    [Theory]
    [InlineData("""{"types":["cart_abandonment"]}""", "url", "is required")]
    [InlineData("""{"url":"ftp://hooks.example.com/x"}""", "url", "must be an absolute http or https URL")]
    [InlineData("""{"url":"not a url"}""", "url", "must be an absolute http or https URL")]
    [InlineData("""{"url":"http://127.0.0.1:9000/hook"}""", "url", "must not point to a loopback, private or link-local address")]
    [InlineData("""{"url":"http://169.254.169.254/latest"}""", "url", "must not point to a loopback, private or link-local address")]
    [InlineData("""{"url":"http://10.0.0.8/hook"}""", "url", "must not point to a loopback, private or link-local address")]
    [InlineData("""{"url":"https://hooks.example.com/x","types":["cart_abandonment","cart_abandoned"]}""", "types[1]", "'cart_abandoned' is not a trigger type")]
    [InlineData("""{"url":"https://hooks.example.com/x","secret":"short"}""", "secret", "must be 16 to 256 characters")]
    [InlineData("""{"url":"https://hooks.example.com/x","maxAttempts":0}""", "maxAttempts", "must be between 1 and 50")]
    [InlineData("""{"url":"https://hooks.example.com/x","colour":"red"}""", "colour", "is not a webhook field")]
    public async Task BadSubscriptionIsAProblemNamingTheField(string json, string field, string message)
    {
        var errors = await ErrorsAsync(await _write.PostJsonAsync("/v1/webhooks", json));

        Assert.Contains(message, (string)errors[field]![0]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadChangeIsAProblemAndChangesNothing()
    {
        var id = (string)(await CreateAsync("""{"url":"https://hooks.example.com/b"}"""))["id"]!;

        var errors = await ErrorsAsync(await _write.PatchAsync($"/v1/webhooks/{id}", new StringContent("""{"url":"http://localhost:8080/x","types":["nope"]}""", System.Text.Encoding.UTF8, "application/json")));

        Assert.True(errors.ContainsKey("url"));
        Assert.True(errors.ContainsKey("types[0]"));
        Assert.Equal("https://hooks.example.com/b", (string)(await (await _read.GetAsync($"/v1/webhooks/{id}")).ReadJsonAsync())["url"]!);
    }

    [Fact]
    public async Task DeletedSubscriptionIsGoneFromTheListAndItsLog()
    {
        var id = (string)(await CreateAsync("""{"url":"https://hooks.example.com/c"}"""))["id"]!;

        var deleted = await _write.DeleteAsync($"/v1/webhooks/{id}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _read.GetAsync($"/v1/webhooks/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _read.GetAsync($"/v1/webhooks/{id}/deliveries")).StatusCode);
        Assert.DoesNotContain(id, await (await _read.GetAsync("/v1/webhooks")).Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await _write.DeleteAsync($"/v1/webhooks/{id}")).StatusCode);
    }

    [Fact]
    public async Task DeliveryLogQueriesAreValidatedAndUnknownDeliveriesAreNotFound()
    {
        var id = (string)(await CreateAsync("""{"url":"https://hooks.example.com/d"}"""))["id"]!;

        var badStatus = await ErrorsAsync(await _read.GetAsync($"/v1/webhooks/{id}/deliveries?status=lost"));
        var empty = await (await _read.GetAsync($"/v1/webhooks/{id}/deliveries?status=dead")).ReadJsonAsync();

        Assert.True(badStatus.ContainsKey("status"));
        Assert.Empty(empty["items"]!.AsArray());
        Assert.Equal(HttpStatusCode.NotFound, (await _read.GetAsync($"/v1/webhooks/{id}/deliveries/42")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _write.PostAsync($"/v1/webhooks/{id}/deliveries/42/redeliver", null)).StatusCode);
        Assert.Equal(0, (int)(await (await _write.PostAsync($"/v1/webhooks/{id}/dead-letters/redeliver", null)).ReadJsonAsync())["count"]!);
    }

    [Fact]
    public async Task ManagingNeedsAWriteKeyAndReadingAReadKey()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await _read.PostJsonAsync("/v1/webhooks", """{"url":"https://hooks.example.com/e"}""")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _write.GetAsync("/v1/webhooks")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient(null).GetAsync("/v1/webhooks")).StatusCode);
    }
}
