namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>
/// Impressions of, or a click on, products of a served recommendation. <see cref="MessageId"/> makes a retried
/// report count once; <see cref="Position"/> is the 1-based slot the store showed the clicked product in.
/// </summary>
public sealed record RecommendationFeedback(
    string RecommendationId,
    string Placement,
    FeedbackKind Kind,
    IReadOnlyList<string> ProductIds,
    string MessageId,
    DateTimeOffset Timestamp,
    DateTimeOffset ReceivedAt,
    string? UserId,
    string? AnonymousId,
    int? Position = null);
