using System.Text.Json;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>A trigger with its outbox sequence (the SSE event id).</summary>
public sealed record TriggerPageItem(long Sequence, JsonElement Trigger);
