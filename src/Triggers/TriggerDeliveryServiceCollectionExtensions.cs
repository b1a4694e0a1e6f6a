using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Triggers;
using Orleans.Personalization.Triggers.Outbox;
using Orleans.Personalization.Triggers.RabbitMq;
using Orleans.Personalization.Triggers.Webhooks;

namespace Orleans.Personalization.Triggers;

/// <summary>Registers delivery of the trigger outbox: webhooks, RabbitMQ (when configured) and retention. Call after the silo.</summary>
public static class TriggerDeliveryServiceCollectionExtensions
{
    public static IServiceCollection AddTriggerDelivery(this IServiceCollection services)
    {
        services.AddOptions<OutboxOptions>().BindConfiguration(OutboxOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<RabbitMqOptions>().BindConfiguration(RabbitMqOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<RabbitMqOptions>, RabbitMqOptionsValidator>();
        services.AddSingleton<WebhookUrlPolicy>();
        if (!TriggerStorage.IsRegistered(services))
        {
            return services;
        }

        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDeliveryServices>();
        services.AddSingleton<WebhookDispatcher>();
        services.AddHostedService(static sp => sp.GetRequiredService<WebhookDispatcher>());
        services.AddSingleton<RabbitMqPublisher>();
        services.AddHostedService(static sp => sp.GetRequiredService<RabbitMqPublisher>());
        services.AddHostedService<OutboxRetentionService>();
        return services;
    }
}
