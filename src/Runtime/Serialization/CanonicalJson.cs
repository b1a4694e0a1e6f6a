using System.Text.Json.Nodes;

namespace Orleans.Personalization.Runtime.Serialization;

/// <summary>
/// JSON with object properties sorted by name at every depth, so two states that are equal compare equal
/// as text whatever order their dictionaries were filled in. Array order is kept: it carries meaning.
/// </summary>
public static class CanonicalJson
{
    public static string Normalize(string json) => Sort(JsonNode.Parse(json))?.ToJsonString() ?? "null";

    public static string Normalize(ReadOnlySpan<byte> utf8Json) => Sort(JsonNode.Parse(utf8Json))?.ToJsonString() ?? "null";

    private static JsonNode? Sort(JsonNode? node) => node switch
    {
        JsonObject obj => new JsonObject(obj
            .OrderBy(static p => p.Key, StringComparer.Ordinal)
            .Select(static p => KeyValuePair.Create(p.Key, Sort(p.Value)))),
        JsonArray array => new JsonArray(array.Select(Sort).ToArray()),
        _ => node?.DeepClone(),
    };
}
