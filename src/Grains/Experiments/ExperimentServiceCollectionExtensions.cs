using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.Personalization.Grains.Analytics;
using Orleans.Personalization.Grains.Interfaces.Experiments;
using Orleans.Personalization.Grains.Recommendations;
using Orleans.Personalization.Grains.Triggers;
using Orleans.Personalization.Runtime.Hosting;

namespace Orleans.Personalization.Grains.Experiments;

/// <summary>Registers the analytics read model, the experiment registry and its caches, the personalization hooks and the alerts.</summary>
public static class ExperimentServiceCollectionExtensions
{
    /// <summary>Call after the storage provider: alerts reach the outbox only when it offers the trigger stores.</summary>
    public static IServiceCollection AddAnalyticsAndExperiments(this IServiceCollection services)
    {
        services.AddOptions<AnalyticsOptions>().BindConfiguration(AnalyticsOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ExperimentOptions>().BindConfiguration(ExperimentOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddSingleton<AnalyticsReadModel>();
        services.AddHostedService(static sp => sp.GetRequiredService<AnalyticsReadModel>());
        services.TryAddSingleton<AnalyticsQueries>();
        services.TryAddSingleton<ExperimentCatalogCache>();
        services.TryAddSingleton<IPlacementOverrides, ExperimentPlacementOverrides>();
        services.TryAddSingleton<ExperimentAlerts>();
        services.TryAddSingleton<ExperimentService>();
        services.AddHostedService<ExperimentMonitor>();
        services.AddGrain<IExperimentRegistryGrain, ExperimentRegistryGrain>();
        if (TriggerStorage.IsRegistered(services))
        {
            services.AddProjection<ExperimentAlertProjection>();
        }

        return services;
    }
}
