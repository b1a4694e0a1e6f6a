namespace Orleans.Personalization.RecommendationBenchmark;

/// <summary>One message of the workload, before it becomes Segment JSON (HTTP) or a tracked message (in-process probe).</summary>
internal sealed record ShopperMessage(string MessageId, string AnonymousId, string Type, string? Event, string PropertiesJson, DateTimeOffset Timestamp);
