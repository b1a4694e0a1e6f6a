namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>One prediction of protocol 1: after click <see cref="Position"/> + 1 of a session, what came next and what was ranked.</summary>
public sealed record NextItemPrediction(long SessionId, int Position, long Actual, IReadOnlyList<ItemScore> Ranked);
