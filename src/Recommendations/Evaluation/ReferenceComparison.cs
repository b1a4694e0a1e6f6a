namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>
/// Checks a recommender against session-rec's saved lists: the same items with non-zero scores, each with exactly
/// the same normalised score. Zero-scored filler and the order of ties are not compared (session-rec's sort of
/// equal scores is arbitrary).
/// </summary>
public static class ReferenceComparison
{
    /// <summary>How many reference lists were reproduced, and the first that was not (null when all were).</summary>
    public static (int Compared, int Matched, string? FirstMismatch) Compare(
        ISessionRecommender recommender,
        IEnumerable<Session> testSessions,
        IEnumerable<ReferenceList> references)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        ArgumentNullException.ThrowIfNull(testSessions);
        ArgumentNullException.ThrowIfNull(references);
        var sessions = testSessions.ToDictionary(s => s.Id);
        int compared = 0, matched = 0;
        string? firstMismatch = null;
        foreach (var reference in references)
        {
            compared++;
            var prefix = sessions[reference.SessionId].Items.Take(reference.Position + 1).ToArray();
            var expected = reference.Items.Where(s => s.Score > 0).ToDictionary(s => s.ItemId, s => s.Score);
            var actual = recommender.Recommend(prefix, int.MaxValue).ToDictionary(s => s.ItemId, s => s.Score);
            var difference = Difference(expected, actual);
            if (difference is null)
            {
                matched++;
            }
            else
            {
                firstMismatch ??= $"session {reference.SessionId} position {reference.Position}: {difference}";
            }
        }

        return (compared, matched, firstMismatch);
    }

    private static string? Difference(Dictionary<long, double> expected, Dictionary<long, double> actual)
    {
        if (expected.Count != actual.Count)
        {
            return $"{expected.Count} non-zero items expected, {actual.Count} recommended";
        }

        foreach (var (item, score) in expected)
        {
            if (!actual.TryGetValue(item, out var ours))
            {
                return $"item {item} missing";
            }

            // Exact equality: the reference prints round-trip doubles and we add in session-rec's order.
            if (ours != score)
            {
                return $"item {item} scored {ours:R}, expected {score:R}";
            }
        }

        return null;
    }
}
