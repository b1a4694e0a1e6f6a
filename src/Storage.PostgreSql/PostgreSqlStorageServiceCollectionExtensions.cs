using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>Registers the PostgreSQL storage, for clusters of silos sharing one database.</summary>
public static class PostgreSqlStorageServiceCollectionExtensions
{
    /// <summary>Binds "Storage:PostgreSql" (validated at start) and registers every store on one data source.</summary>
    public static IServiceCollection AddPostgreSqlGrainStorage(this IServiceCollection services)
    {
        services.AddOptions<PostgreSqlStorageOptions>()
            .BindConfiguration(PostgreSqlStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<PostgreSqlDatabase>();
        services.AddSingleton<IJournalStore, PostgreSqlJournalStore>();
        services.AddSingleton<ISnapshotStore, PostgreSqlSnapshotStore>();
        services.AddSingleton<IReminderStore, PostgreSqlReminderStore>();
        services.AddSingleton<IClusterStore, PostgreSqlClusterStore>();
        services.AddSingleton<IProjectionCheckpointStore, PostgreSqlProjectionCheckpointStore>();
        services.AddSingleton<IOutboxStore, PostgreSqlOutboxStore>();
        services.AddSingleton<IDeliveryStore, PostgreSqlDeliveryStore>();
        services.AddSingleton<IWatchIndexStore, PostgreSqlWatchIndexStore>();
        return services;
    }
}
