using Orleans.Personalization.Recommendations;
using Orleans.Personalization.Recommendations.Evaluation;

namespace Orleans.Personalization.RecommenderEvaluation;

/// <summary>The YooChoose sample's files: the test split, and the split inside train that tuning uses.</summary>
internal sealed class YooChooseFiles(string dataDirectory)
{
    private readonly string _folder = Path.Combine(dataDirectory, "yoochoose-rsc15-100k");

    public IReadOnlyList<Session> Load(string part) =>
        SessionDataset.Load(Path.Combine(_folder, $"yoochoose-clicks-100k_{part}.txt"));

    public IReadOnlyList<ReferenceList> References(string algorithm) =>
        ReferenceRecommendations.Load(Path.Combine(_folder, "reference-recommendations", $"recoms_rsc15_100k_{algorithm}.csv"));

    public static T Trained<T>(T recommender, IEnumerable<Session> sessions)
        where T : ISessionRecommender
    {
        foreach (var session in sessions)
        {
            recommender.Learn(session);
        }

        return recommender;
    }
}
