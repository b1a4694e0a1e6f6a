using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Activation;
using Orleans.Personalization.Runtime.Calls;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Projections;
using Orleans.Personalization.Runtime.Reminders;

namespace Orleans.Personalization.Runtime.Hosting;

/// <summary>Registers the grain runtime. Storage comes from a provider package (SQLite or PostgreSQL).</summary>
public static class GrainRuntimeServiceCollectionExtensions
{
    /// <summary>Adds the runtime and binds <see cref="SiloOptions"/> to the "Silo" section, validated at start.</summary>
    public static IServiceCollection AddGrainRuntime(this IServiceCollection services)
    {
        services.AddOptions<SiloOptions>()
            .BindConfiguration(SiloOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(static sp =>
        {
            var registry = new GrainTypeRegistry();
            foreach (var registration in sp.GetServices<GrainRegistration>())
            {
                registry.Register(registration.Interface, registration.Implementation);
            }

            return registry;
        });
        services.TryAddSingleton(sp => new PartitionMap(sp.GetRequiredService<IOptions<SiloOptions>>().Value.PartitionCount));
        services.TryAddSingleton<PartitionOwnershipAgent>();
        services.TryAddSingleton<IPartitionOwnership>(sp => sp.GetRequiredService<PartitionOwnershipAgent>());
        services.TryAddSingleton<ActivationDirectory>();
        services.TryAddSingleton<IRemoteGrainInvoker, HttpRemoteGrainInvoker>();
        services.TryAddSingleton<GrainCallRouter>();
        services.TryAddSingleton(sp => new Lazy<GrainCallRouter>(sp.GetRequiredService<GrainCallRouter>));
        services.TryAddSingleton<IGrainFactory, GrainFactory>();
        services.TryAddSingleton<ReminderRegistry>();
        services.TryAddSingleton<ReminderService>();
        services.TryAddSingleton<GrainRuntime>();
        services.AddOptions<ProjectionOptions>()
            .BindConfiguration(ProjectionOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ProjectionService>();
        services.TryAddSingleton<SiloHost>();
        services.AddHostedService(sp => sp.GetRequiredService<SiloHost>());
        return services;
    }

    /// <summary>Registers a projection of the partitioned log; the silo runs it over the partitions it holds.</summary>
    public static IServiceCollection AddProjection<TProjection>(this IServiceCollection services)
        where TProjection : class, IPartitionProjection
    {
        services.AddSingleton<TProjection>();
        services.AddSingleton<IPartitionProjection>(static sp => sp.GetRequiredService<TProjection>());
        return services;
    }

    /// <summary>Registers a grain class for its interface.</summary>
    public static IServiceCollection AddGrain<TGrainInterface, TGrain>(this IServiceCollection services)
        where TGrainInterface : IGrainWithStringKey
        where TGrain : Grain, TGrainInterface
    {
        services.AddSingleton(new GrainRegistration(typeof(TGrainInterface), typeof(TGrain)));
        return services;
    }
}
