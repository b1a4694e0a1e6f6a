using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Catalog;
using Orleans.Personalization.Grains.Interfaces.Catalog;
using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.Recommendations.CoOccurrence;
using Orleans.Personalization.Grains.Recommendations.Popularity;
using Orleans.Personalization.Grains.Triggers;
using Orleans.Personalization.Runtime.Hosting;

namespace Orleans.Personalization.Grains.Recommendations;

/// <summary>Registers products, popularity, the co-occurrence projection, the recommendation service and the products triggers recommend.</summary>
public static class RecommendationsServiceCollectionExtensions
{
    public static IServiceCollection AddRecommendations(this IServiceCollection services)
    {
        services.AddOptions<RecommendationOptions>().BindConfiguration(RecommendationOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<RecommendationOptions>, RecommendationOptionsValidator>();
        services.AddOptions<CoOccurrenceOptions>().BindConfiguration(CoOccurrenceOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddGrain<IProductGrain, ProductGrain>();
        services.AddGrain<IPopularityGrain, PopularityGrain>();
        services.AddSingleton<ProductInfoCache>();
        services.AddSingleton<PopularityCache>();
        services.AddSingleton<RecommendationService>();
        services.TryAddSingleton<ITriggerRecommender, EngineTriggerRecommender>();
        services.AddProjection<CoOccurrenceProjection>();
        services.AddHostedService<CoOccurrenceLoop>();
        return services;
    }
}
