using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Runtime.Tests.Grains;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Runtime.Tests;

/// <summary>The test grains on an in-process silo with real SQLite storage.</summary>
public static class RuntimeTestCluster
{
    public static async Task<InProcessTestCluster> StartAsync(IDictionary<string, string?>? settings = null)
    {
        var cluster = new InProcessTestCluster(
            services => services
                .AddGrain<ICounterGrain, CounterGrain>()
                .AddGrain<ITurnProbeGrain, TurnProbeGrain>()
                .AddGrain<IReminderProbeGrain, ReminderProbeGrain>()
                .AddProjection<StreamCountingProjection>()
                .AddProjection<SideBySideProjection>(),
            settings);
        await cluster.StartAsync();
        return cluster;
    }

    public static string NewKey() => Guid.NewGuid().ToString("N");
}
