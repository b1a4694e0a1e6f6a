using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Api.Analytics;
using Orleans.Personalization.Api.Auth;
using Orleans.Personalization.Api.Catalog;
using Orleans.Personalization.Api.Cluster;
using Orleans.Personalization.Api.Errors;
using Orleans.Personalization.Api.Experiments;
using Orleans.Personalization.Api.Health;
using Orleans.Personalization.Api.Ingestion;
using Orleans.Personalization.Api.Profiles;
using Orleans.Personalization.Api.Triggers;
using Orleans.Personalization.Triggers;
using Orleans.Personalization.Api.Recommendations;
using Orleans.Personalization.Runtime.Calls;

namespace Orleans.Personalization.Api.Hosting;

/// <summary>The HTTP side: problem details, keys, ingestion, profiles, health and the OpenAPI document.</summary>
public static class ApiHostingExtensions
{
    public static WebApplicationBuilder AddPersonalizationApi(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddProblemDetails();
        services.AddExceptionHandler<UnavailableExceptionHandler>();
        services.AddOpenApi();
        services.ConfigureHttpJsonOptions(json => json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        services.AddOptions<ApiKeyOptions>().BindConfiguration(ApiKeyOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ApiKeyOptions>, ApiKeyOptionsValidator>();
        services.AddOptions<IngestionOptions>().BindConfiguration(IngestionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ApiKeyAuthenticator>();
        services.AddSingleton<ShopperIngestion>();
        services.AddSingleton<SegmentIngestionHandler>();
        services.AddHealthChecks().AddCheck<SiloHealthCheck>("silo", tags: ["ready"]);
        services.AddTriggerDelivery();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    public static WebApplication MapPersonalizationApi(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRouting();
        app.UseDecodedSlashesInRouteValues();
        app.MapOpenApi();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = static _ => false });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = static check => check.Tags.Contains("ready") });
        app.MapSegmentApi();
        app.MapProfileApi();
        app.MapTriggerApi();
        app.MapWebhookApi();
        app.MapCatalogApi();
        app.MapRecommendationApi();
        app.MapAnalyticsApi();
        app.MapExperimentApi();
        app.MapFlagApi();
        app.MapClusterApi();
        app.MapShopperStateApi();
        app.MapGrainCallEndpoint();
        if (app.Services.GetRequiredService<IOptions<ApiKeyOptions>>().Value.UsesDevelopmentKeys)
        {
            ApiLog.DevelopmentKeys(app.Logger);
        }

        return app;
    }
}
