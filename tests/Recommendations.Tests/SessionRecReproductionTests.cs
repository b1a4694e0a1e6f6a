using System.Globalization;
using Orleans.Personalization.Recommendations.Evaluation;
using Orleans.Personalization.Recommendations.Rules;

namespace Orleans.Personalization.Recommendations.Tests;

/// <summary>
/// Pins the exact reproduction of session-rec's rule baselines on the YooChoose sample: every saved list (same
/// non-zero items, bit-identical normalised scores) and the HR@20 computed from those lists.
/// </summary>
public class SessionRecReproductionTests
{
    [SkippableFact]
    public void AssociationRulesReproduceTheReferenceListsAndHitRate() =>
        AssertReproduces(new AssociationRules(), "ar", expectedHits: 229, expectedHitRate: "0.591731");

    [SkippableFact]
    public void SequentialRulesReproduceTheReferenceListsAndHitRate() =>
        AssertReproduces(new SequentialRules(steps: 20, weighting: DistanceWeighting.Quadratic), "sr", expectedHits: 217, expectedHitRate: "0.560724");

    private static void AssertReproduces(ISessionRecommender recommender, string algorithm, int expectedHits, string expectedHitRate)
    {
        Skip.If(SharedData.Directory is null, SharedData.SkipReason);
        foreach (var session in SessionDataset.Load(SharedData.YooChoose("yoochoose-clicks-100k_train_full.txt")))
        {
            recommender.Learn(session);
        }

        var test = SessionDataset.Load(SharedData.YooChoose("yoochoose-clicks-100k_test.txt"));
        var references = ReferenceRecommendations.Load(SharedData.YooChoose($"reference-recommendations/recoms_rsc15_100k_{algorithm}.csv"));

        var (compared, matched, firstMismatch) = ReferenceComparison.Compare(recommender, test, references);
        Assert.Null(firstMismatch);
        Assert.Equal(387, compared);
        Assert.Equal(387, matched);

        var metrics = NextItemEvaluator.Evaluate(recommender, NextItemEvaluator.First(test, 99));
        Assert.Equal(387, metrics.Predictions);
        Assert.Equal(expectedHits, metrics.Hits);
        Assert.Equal(expectedHitRate, metrics.HitRate.ToString("F6", CultureInfo.InvariantCulture));
    }
}
