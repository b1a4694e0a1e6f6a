using System.Net;

namespace Orleans.Personalization.Api.Tests;

public sealed class AccessTests(PersonalizationApp app) : IClassFixture<PersonalizationApp>
{
    private const string Event = """{"userId":"u1","event":"x"}""";

    [Fact]
    public async Task MissingKeyIsUnauthorizedWithAChallenge()
    {
        var response = await app.CreateClient(key: null).PostJsonAsync("/v1/track", Event);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task UnknownKeyIsUnauthorized()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient("guess").PostJsonAsync("/v1/track", Event)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await app.CreateClient("guess").GetAsync("/v1/users/u1/profile")).StatusCode);
    }

    [Fact]
    public async Task WriteKeyCannotReadProfiles() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient(PersonalizationApp.WriteKey).GetAsync("/v1/users/u1/profile")).StatusCode);

    [Fact]
    public async Task ReadKeyCannotSendEvents() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await app.CreateClient(PersonalizationApp.ReadKey).PostJsonAsync("/v1/track", Event)).StatusCode);

    [Fact]
    public async Task ReadKeyWorksAsABearerToken()
    {
        var client = app.CreateClient(key: null);
        client.DefaultRequestHeaders.Authorization = new("Bearer", PersonalizationApp.ReadKey);

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/v1/users/{Guid.NewGuid():N}/profile")).StatusCode);
    }
}
