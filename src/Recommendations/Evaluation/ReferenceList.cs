namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>One list session-rec saved: the recommendations after click <see cref="Position"/> + 1 of a session.</summary>
public sealed record ReferenceList(long SessionId, int Position, IReadOnlyList<ItemScore> Items);
