using System.Net;
using System.Text.Json.Nodes;

namespace Orleans.Personalization.Api.Tests.Triggers;

public sealed class TriggerSettingsApiTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private readonly HttpClient _write = app.CreateClient(PersonalizationApp.WriteKey);
    private readonly HttpClient _read = app.CreateClient(PersonalizationApp.ReadKey);

    private Task<HttpResponseMessage> PatchAsync(HttpClient client, string json) =>
        client.PatchAsync("/v1/triggers/settings", new StringContent(json, System.Text.Encoding.UTF8, "application/json"));

    private static async Task<JsonObject> ErrorsAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
        return (await response.ReadJsonAsync())["errors"]!.AsObject();
    }

    [Fact]
    public async Task SettingsStartWithTheDocumentedDefaults()
    {
        var settings = await (await _read.GetAsync("/v1/triggers/settings")).ReadJsonAsync();

        Assert.Equal("00:30:00", (string)settings["cartAbandonment"]!["delay"]!);
        Assert.True((bool)settings["cartAbandonment"]!["enabled"]!);
        Assert.Equal(3, (int)settings["browseAbandonment"]!["minViews"]!);
        Assert.Equal(70, (double)settings["highIntent"]!["threshold"]!);
        Assert.Equal(30, (int)settings["lapsingCustomer"]!["inactiveDays"]!);
        Assert.Equal(0, (double)settings["holdoutPercent"]!);
    }

    [Fact]
    public async Task PatchChangesOnlyTheGivenFieldsAndIsReadBack()
    {
        var response = await PatchAsync(_write, """{"cartAbandonment":{"delay":"00:05:00"},"highIntent":{"threshold":80},"holdoutPercent":10}""");
        var read = await (await _read.GetAsync("/v1/triggers/settings")).ReadJsonAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("00:05:00", (string)read["cartAbandonment"]!["delay"]!);
        Assert.True((bool)read["cartAbandonment"]!["enabled"]!);
        Assert.Equal(80, (double)read["highIntent"]!["threshold"]!);
        Assert.Equal(10, (double)read["holdoutPercent"]!);
        await PatchAsync(_write, """{"cartAbandonment":{"delay":1800},"highIntent":{"threshold":70},"holdoutPercent":0}""");
    }

    [Theory]
    [InlineData("""{"cartAbandonment":{"delay":"-00:01:00"}}""", "cartAbandonment.delay", "must not be negative")]
    [InlineData("""{"browseAbandonment":{"delay":-60}}""", "browseAbandonment.delay", "must not be negative")]
    [InlineData("""{"cartAbandonment":{"delay":"soon"}}""", "cartAbandonment.delay", "must be a duration")]
    [InlineData("""{"cartAbandonment":{"enabled":"yes"}}""", "cartAbandonment.enabled", "must be true or false")]
    [InlineData("""{"cart_abandonment":{"enabled":false}}""", "cart_abandonment", "is not a trigger setting")]
    [InlineData("""{"highIntent":{"threshold":0}}""", "highIntent.threshold", "must be more than 0")]
    [InlineData("""{"highIntent":{"sensitivity":2}}""", "highIntent.sensitivity", "is not a setting of highIntent")]
    [InlineData("""{"browseAbandonment":{"minViews":11}}""", "browseAbandonment.minViews", "must be between 1 and 10")]
    [InlineData("""{"holdoutPercent":101}""", "holdoutPercent", "must be between 0 and 100")]
    [InlineData("""{"lapsingCustomer":{"inactiveDays":0}}""", "lapsingCustomer.inactiveDays", "must be between 1 and 3650")]
    [InlineData("""[1,2]""", "body", "must be a JSON object")]
    public async Task BadSettingIsAProblemNamingTheField(string json, string field, string message)
    {
        var errors = await ErrorsAsync(await PatchAsync(_write, json));

        Assert.Contains(message, (string)errors[field]![0]!, StringComparison.Ordinal);
        Assert.Equal("00:30:00", (string)(await (await _read.GetAsync("/v1/triggers/settings")).ReadJsonAsync())["cartAbandonment"]!["delay"]!);
    }

    [Fact]
    public async Task ChangingSettingsNeedsAWriteKeyAndReadingThemAReadKey()
    {
        Assert.Equal(HttpStatusCode.Forbidden, (await PatchAsync(_read, "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await PatchAsync(app.CreateClient(null), "{}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await _write.GetAsync("/v1/triggers/settings")).StatusCode);
    }
}
