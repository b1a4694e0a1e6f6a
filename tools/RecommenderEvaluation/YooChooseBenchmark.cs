using Orleans.Personalization.Recommendations;
using Orleans.Personalization.Recommendations.CoOccurrence;
using Orleans.Personalization.Recommendations.Evaluation;
using Orleans.Personalization.Recommendations.Knn;
using Orleans.Personalization.Recommendations.Popularity;
using Orleans.Personalization.Recommendations.Rules;

namespace Orleans.Personalization.RecommenderEvaluation;

/// <summary>
/// Protocol 1: every recommender learns _train_full and predicts each next click of the test sessions; the first
/// 99 sessions (387 predictions) are the ones session-rec saved reference lists for.
/// </summary>
internal static class YooChooseBenchmark
{
    private const int ReferenceSessions = 99;

    public static void Run(YooChooseFiles files, TextWriter output)
    {
        var train = files.Load("train_full");
        var test = files.Load("test");
        var sample = NextItemEvaluator.First(test, ReferenceSessions);

        output.WriteLine("## YooChoose sample, session-rec protocol (HR@20 / MRR@20)");
        output.WriteLine();
        var samplePredictions = sample.Sum(s => s.Items.Count - 1);
        var allPredictions = test.Sum(s => s.Items.Count - 1);
        var table = new ResultTable(
            "recommender",
            $"HR@20 ({samplePredictions})",
            $"MRR@20 ({samplePredictions})",
            FormattableString.Invariant($"HR@20 (all {allPredictions:N0})"),
            FormattableString.Invariant($"MRR@20 (all {allPredictions:N0})"),
            "note");
        var references = new Dictionary<string, NextItemMetrics>();
        foreach (var (key, name) in new[] { ("ar", "association rules"), ("sr", "sequential rules"), ("vsknn", "V-SKNN"), ("gru4rec", "GRU4Rec") })
        {
            var metrics = ScoreReferenceLists(files.References(key), sample);
            references.Add(name, metrics);
            table.Add($"session-rec {name} (reference lists)", metrics.HitRate, metrics.MeanReciprocalRank, null, null, "computed from the saved lists");
        }

        NextItemMetrics? best = null;
        foreach (var (name, recommender, referenceKey) in Recommenders())
        {
            YooChooseFiles.Trained(recommender, train);
            var onSample = NextItemEvaluator.Evaluate(recommender, sample);
            var onAll = NextItemEvaluator.Evaluate(recommender, test);
            var note = referenceKey is null ? "" : Reproduction(recommender, test, files.References(referenceKey));
            table.Add(name, onSample.HitRate, onSample.MeanReciprocalRank, onAll.HitRate, onAll.MeanReciprocalRank, note);
            best = onSample;
        }

        table.Write(output);

        // The last row is our best recommender; say plainly whether it beats every reference list.
        var beaten = references.Where(r => best!.HitRate > r.Value.HitRate && best.MeanReciprocalRank > r.Value.MeanReciprocalRank).Select(r => r.Key).ToArray();
        var notBeaten = references.Keys.Except(beaten).ToArray();
        output.WriteLine(notBeaten.Length == 0
            ? $"Best (last row) beats every reference list on both HR@20 and MRR@20 over the {samplePredictions} predictions."
            : $"Best (last row) does NOT beat on both metrics: {string.Join(", ", notBeaten)}.");
        output.WriteLine();
    }

    /// <summary>Ours, in the order printed; the last is the one tuned to be best. Reference keys mark exact reproductions.</summary>
    private static IEnumerable<(string Name, ISessionRecommender Recommender, string? ReferenceKey)> Recommenders()
    {
        yield return ("popularity (all time)", new TimeDecayedPopularity(), null);
        yield return ($"popularity (half-life {TunedParameters.PopularityHalfLifeDays} d)", new TimeDecayedPopularity(TunedParameters.PopularityHalfLifeDays * 86_400), null);
        yield return ("co-occurrence, Jaccard", new CoOccurrenceRecommender(SimilarityMeasure.Jaccard), null);
        yield return ("co-occurrence, log-likelihood ratio", new CoOccurrenceRecommender(SimilarityMeasure.LogLikelihoodRatio), null);
        yield return ("association rules (session-rec settings)", new AssociationRules(), "ar");
        yield return ("sequential rules (session-rec settings)", TunedParameters.ReferenceRules.Create(), "sr");
        yield return ("sequential rules (tuned)", TunedParameters.Rules.Create(), null);
        yield return ("SKNN (session-rec settings)", new SessionKnn(TunedParameters.ReferenceSknn), null);
        yield return ("V-SKNN (session-rec settings)", new SessionKnn(TunedParameters.ReferenceKnn), null);
        yield return ("V-SKNN + STAN item weighting (tuned)", new SessionKnn(TunedParameters.Knn), null);
    }

    private static NextItemMetrics ScoreReferenceLists(IReadOnlyList<ReferenceList> lists, IReadOnlyList<Session> sample)
    {
        var sessions = sample.ToDictionary(s => s.Id);
        var metrics = new NextItemMetrics();
        foreach (var list in lists)
        {
            metrics.Add(list.Items, sessions[list.SessionId].Items[list.Position + 1]);
        }

        return metrics;
    }

    private static string Reproduction(ISessionRecommender recommender, IReadOnlyList<Session> test, IReadOnlyList<ReferenceList> references)
    {
        var (compared, matched, firstMismatch) = ReferenceComparison.Compare(recommender, test, references);
        return firstMismatch is null
            ? $"same non-zero items and scores as all {compared} reference lists"
            : $"{matched}/{compared} lists reproduced; first difference: {firstMismatch}";
    }
}
