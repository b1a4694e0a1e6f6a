using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Grains.Experiments;
using Orleans.Personalization.Grains.Interfaces;
using Orleans.Personalization.Grains.Recommendations;
using Orleans.Personalization.Grains.Triggers;
using Orleans.Personalization.Runtime.Hosting;

namespace Orleans.Personalization.Grains;

/// <summary>Registers the personalization grains with the runtime.</summary>
public static class GrainsServiceCollectionExtensions
{
    public static IServiceCollection AddPersonalizationGrains(this IServiceCollection services) =>
        services.AddGrain<IUserGrain, UserGrain>()
            .AddRecommendations()
            .AddShopperTriggers()
            .AddAnalyticsAndExperiments();
}
