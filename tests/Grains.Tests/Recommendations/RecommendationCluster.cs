using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Grains.Recommendations.CoOccurrence;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

/// <summary>A silo with the personalization grains whose co-occurrence projection is driven explicitly by the test.</summary>
internal static class RecommendationCluster
{
    public static async Task<InProcessTestCluster> StartAsync(TimeSpan flushInterval)
    {
        var cluster = new InProcessTestCluster(services => services.AddPersonalizationGrains(), new Dictionary<string, string?>
        {
            // Only local appends and explicit passes drive the projections; the fake clock never ticks the loops.
            ["Projections:PollInterval"] = "00:10:00",
            ["Recommendations:CoOccurrence:FlushInterval"] = flushInterval.ToString(),
        });
        await cluster.StartAsync();
        return cluster;
    }

    public static CoOccurrenceProjection Projection(this InProcessTestCluster cluster) => cluster.Services.GetRequiredService<CoOccurrenceProjection>();

    /// <summary>Every shopper event so far read by the projections (and, with a zero flush interval, applied).</summary>
    public static Task ProjectAsync(this InProcessTestCluster cluster) => cluster.Services.GetRequiredService<ProjectionService>().RunOnceAsync();

    public static IProductGrain Product(this InProcessTestCluster cluster, string productId) => cluster.GrainFactory.GetGrain<IProductGrain>(productId);

    public static Task TrackAsync(this InProcessTestCluster cluster, string anonymousId, params TrackedMessage[] messages) =>
        cluster.GrainFactory.GetGrain<IUserGrain>(ShopperKey.ForAnonymous(anonymousId)).TrackAsync(messages);

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..(prefix.Length + 9)];
}
