using System.Text.Json.Nodes;

namespace Orleans.Personalization.Api.Tests.Analytics;

internal static class JsonObjectExtensions
{
    /// <summary>The object with one more member (for building request variants inline).</summary>
    public static JsonObject With(this JsonObject obj, string name, JsonNode? value)
    {
        obj[name] = value;
        return obj;
    }
}
