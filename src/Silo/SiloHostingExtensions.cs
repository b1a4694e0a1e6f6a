using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Orleans.Personalization.Grains;
using Orleans.Personalization.Runtime.Hosting;
using Orleans.Personalization.Storage.Sqlite;

namespace Orleans.Personalization.Silo;

/// <summary>
/// Co-hosts a silo in the application, the way Orleans' UseOrleans does in an ASP.NET Core app: the grain
/// runtime, its storage and the personalization grains, all settings validated at start.
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
        builder.Services.AddSqliteGrainStorage();
        builder.Services.AddPersonalizationGrains();
        return builder;
    }
}
