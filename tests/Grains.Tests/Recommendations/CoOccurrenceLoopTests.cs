using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Personalization.Grains.Recommendations.CoOccurrence;
using Orleans.Personalization.TestKit;
using static Orleans.Personalization.Grains.Tests.Message;

namespace Orleans.Personalization.Grains.Tests.Recommendations;

public sealed class CoOccurrenceLoopTests : IAsyncDisposable
{
    private InProcessTestCluster _cluster = null!;

    public async ValueTask DisposeAsync()
    {
        if (_cluster is { } cluster)
        {
            await cluster.DisposeAsync();
        }
    }

    [Fact]
    public async Task AStopCutShortByTheShutdownTimeoutLeavesThePendingContributionsAndDoesNotThrow()
    {
        // A long flush interval: the contributions are still pending when the silo stops.
        _cluster = await RecommendationCluster.StartAsync(TimeSpan.FromMinutes(10));
        await _cluster.TrackAsync(RecommendationCluster.NewId("s"), Viewed(RecommendationCluster.NewId("a")), Viewed(RecommendationCluster.NewId("b"), at: T0.AddMinutes(1)));
        await _cluster.ProjectAsync();
        var pending = _cluster.Projection().PendingContributions;
        Assert.True(pending > 0);
        var loop = _cluster.Services.GetServices<IHostedService>().OfType<CoOccurrenceLoop>().Single();

        // The host cancels its stop token when its shutdown timeout has passed; an exception from here would abort the process.
        await loop.StopAsync(new CancellationToken(canceled: true));

        Assert.Equal(pending, _cluster.Projection().PendingContributions);
    }
}
