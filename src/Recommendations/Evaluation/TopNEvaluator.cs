using Orleans.Personalization.Recommendations.Users;

namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>Protocol 2: recommend k unseen items to every test user and average the top-k metrics over users.</summary>
public static class TopNEvaluator
{
    public static TopNResult Evaluate(IUserRecommender recommender, IEnumerable<Rating> test, int k = 10)
    {
        ArgumentNullException.ThrowIfNull(recommender);
        ArgumentNullException.ThrowIfNull(test);
        var relevantByUser = test.GroupBy(r => r.UserId).OrderBy(g => g.Key);
        double precision = 0, recall = 0, ndcg = 0, map = 0;
        var users = 0;
        foreach (var group in relevantByUser)
        {
            var relevant = group.Select(r => r.ItemId).ToHashSet();
            var ranked = recommender.Recommend(group.Key, k).Select(s => s.ItemId).ToArray();
            users++;
            precision += TopNMetrics.Precision(ranked, relevant, k);
            recall += TopNMetrics.Recall(ranked, relevant, k);
            ndcg += TopNMetrics.Ndcg(ranked, relevant, k);
            map += TopNMetrics.AveragePrecision(ranked, relevant, k);
        }

        return users == 0
            ? new TopNResult(0, 0, 0, 0, 0)
            : new TopNResult(users, precision / users, recall / users, ndcg / users, map / users);
    }
}
