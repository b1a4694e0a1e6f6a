using System.Net;

namespace Orleans.Personalization.Api.Tests;

public sealed class OperationsTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    [Fact]
    public async Task LivenessAndReadinessAnswerHealthy()
    {
        var client = app.CreateClient(key: null);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApiDocumentDescribesTheEndpoints()
    {
        var document = await (await app.CreateClient(key: null).GetAsync("/openapi/v1.json")).ReadJsonAsync();
        var paths = document["paths"]!.AsObject().Select(p => p.Key).ToArray();

        Assert.Contains("/v1/track", paths);
        Assert.Contains("/v1/batch", paths);
        Assert.Contains("/v1/users/{userId}/profile", paths);
    }
}
