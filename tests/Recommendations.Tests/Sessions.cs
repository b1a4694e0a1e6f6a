using Orleans.Personalization.Recommendations;

namespace Orleans.Personalization.Recommendations.Tests;

/// <summary>Builds sessions for tests: items clicked one second apart, starting at <paramref name="start"/>.</summary>
internal static class Sessions
{
    public static Session Of(long id, params long[] items) => At(id, 0, items);

    public static Session At(long id, double start, params long[] items) =>
        new(id, items.Select((item, i) => new Click(item, start + i)).ToArray());

    public static T Trained<T>(T recommender, params Session[] sessions)
        where T : ISessionRecommender
    {
        foreach (var session in sessions)
        {
            recommender.Learn(session);
        }

        return recommender;
    }
}
