using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains;
using Orleans.Personalization.Grains.Webhooks;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Storage.PostgreSql;
using Orleans.Personalization.Storage.Sqlite;

namespace Orleans.Personalization.Silo;

/// <summary>
/// Co-hosts a silo in the application, the way Orleans' UseOrleans does in an ASP.NET Core app: the grain
/// runtime, its storage (embedded SQLite, or PostgreSQL for a cluster) and the personalization grains, all
/// settings validated at start.
/// </summary>
public static class SiloHostingExtensions
{
    public static IHostApplicationBuilder AddPersonalizationSilo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StorageOptions>()
            .BindConfiguration(StorageOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddGrainRuntime();
        builder.Services.AddSingleton<IValidateOptions<SiloOptions>, ClusterSettingsValidator>();
        var urls = builder.Configuration["urls"];
        builder.Services.PostConfigure<SiloOptions>(silo =>
        {
            if (string.IsNullOrEmpty(silo.Address))
            {
                silo.Address = SiloAddress.FromUrls(urls);
            }
        });

        if (builder.Configuration[$"{StorageOptions.SectionName}:Provider"] == StorageOptions.PostgreSql)
        {
            builder.Services.AddPostgreSqlGrainStorage();
        }
        else
        {
            builder.Services.AddSqliteGrainStorage();
            // One silo with embedded storage keeps its webhook secret key beside its database, unless one is configured.
            builder.Services.AddOptions<WebhookSecretOptions>().Configure<IOptions<SqliteStorageOptions>>((secrets, sqlite) =>
                secrets.KeyFile ??= Path.Combine(Path.GetFullPath(sqlite.Value.DataDirectory), "webhook-secrets.key"));
        }

        builder.Services.AddPersonalizationGrains();
        return builder;
    }
}
