using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.Interfaces.Webhooks;
using Orleans.Personalization.Grains.Triggers.Watch;
using Orleans.Personalization.Grains.Webhooks;
using Orleans.Personalization.Runtime.Hosting;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>Registers what shopper triggers need in the silo: settings, webhook and product-watch grains, and the projections that feed the outbox.</summary>
public static class TriggerServiceCollectionExtensions
{
    /// <summary>Call after the storage provider: the projections are added only when it offers the trigger stores.</summary>
    public static IServiceCollection AddShopperTriggers(this IServiceCollection services)
    {
        services.AddOptions<TriggerOptions>()
            .BindConfiguration(TriggerOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<TriggerSettingsCache>();
        services.TryAddSingleton<ITriggerRecommender, RecentItemsRecommender>();
        services.TryAddSingleton<ShopperTriggers>();
        services.TryAddSingleton<WebhookSignals>();
        services.AddOptions<WebhookSecretOptions>().BindConfiguration(WebhookSecretOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<WebhookSecretOptions>, WebhookSecretOptionsValidator>());
        services.TryAddSingleton<WebhookSecretProtector>();
        services.AddGrain<ITriggerSettingsGrain, TriggerSettingsGrain>();
        services.AddGrain<IWebhookSubscriptionGrain, WebhookSubscriptionGrain>();
        services.AddGrain<IWebhookRegistryGrain, WebhookRegistryGrain>();
        services.AddGrain<IProductWatchGrain, ProductWatchGrain>();
        if (!TriggerStorage.IsRegistered(services))
        {
            return services;
        }

        services.AddProjection<TriggerOutboxProjection>();
        services.AddProjection<ProductWatchersProjection>();
        services.AddProjection<CatalogChangesProjection>();
        services.AddProjection<ProductChangeFanOutProjection>();
        return services;
    }
}
