namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>
/// Protocol 1 (session-rec's): for every test session and every prefix of it, ask for a ranked list and compare it
/// with the click that followed. Every prediction counts equally.
/// </summary>
public static class NextItemEvaluator
{
    public static NextItemMetrics Evaluate(
        ISessionRecommender recommender,
        IEnumerable<Session> testSessions,
        int cutoff = 20,
        Action<NextItemPrediction>? observe = null)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        ArgumentNullException.ThrowIfNull(testSessions);
        var metrics = new NextItemMetrics(cutoff);
        foreach (var session in testSessions)
        {
            var items = session.Items.ToArray();
            for (var position = 0; position < items.Length - 1; position++)
            {
                var prefix = new ArraySegment<long>(items, 0, position + 1);
                var ranked = recommender.Recommend(prefix, cutoff);
                metrics.Add(ranked, items[position + 1]);
                observe?.Invoke(new NextItemPrediction(session.Id, position, items[position + 1], ranked));
            }
        }

        return metrics;
    }

    /// <summary>The first <paramref name="count"/> sessions in file order: the ones session-rec saved lists for.</summary>
    public static IReadOnlyList<Session> First(IReadOnlyList<Session> sessions, int count) =>
        sessions.Take(count).ToArray();
}
