using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Orleans.Personalization.Api.Tests;

internal static class HttpJson
{
    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonNode> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync()) ?? throw new InvalidOperationException("empty body");

    public static async Task<JsonNode> GetProfileAsync(this HttpClient client, string userId)
    {
        var response = await client.GetAsync($"/v1/users/{Uri.EscapeDataString(userId)}/profile");
        response.EnsureSuccessStatusCode();
        return await response.ReadJsonAsync();
    }

    public static string Json(object value) => JsonSerializer.Serialize(value, JsonSerializerOptions.Web);

    public static JsonContent Body(object value) => JsonContent.Create(value);
}
