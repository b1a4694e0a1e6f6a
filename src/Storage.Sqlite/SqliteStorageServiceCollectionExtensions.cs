using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>Registers the embedded SQLite storage for the grain runtime.</summary>
public static class SqliteStorageServiceCollectionExtensions
{
    /// <summary>Binds "Storage:Sqlite" (validated at start) and registers every store on one database.</summary>
    public static IServiceCollection AddSqliteGrainStorage(this IServiceCollection services)
    {
        services.AddOptions<SqliteStorageOptions>()
            .BindConfiguration(SqliteStorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddSingleton<SqliteDatabase>();
        services.AddSingleton<IJournalStore, SqliteJournalStore>();
        services.AddSingleton<ISnapshotStore, SqliteSnapshotStore>();
        services.AddSingleton<IReminderStore, SqliteReminderStore>();
        services.AddSingleton<IClusterStore, SqliteClusterStore>();
        services.AddSingleton<IProjectionCheckpointStore, SqliteProjectionCheckpointStore>();
        services.AddSingleton<IOutboxStore, SqliteOutboxStore>();
        services.AddSingleton<IDeliveryStore, SqliteDeliveryStore>();
        services.AddSingleton<IWatchIndexStore, SqliteWatchIndexStore>();
        return services;
    }
}
