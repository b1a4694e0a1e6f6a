using System.Text.Json.Nodes;

namespace Orleans.Personalization.Api.Tests.Triggers;

/// <summary>One Server-Sent Event: its id, event name and data.</summary>
internal sealed record SseEvent(string Id, string Type, string Data)
{
    public JsonNode Json => JsonNode.Parse(Data)!;
}
