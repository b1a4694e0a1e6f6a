namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>
/// In-process notices from the webhook grains to this silo's dispatcher: a subscription changed (reload
/// it), or the list of subscriptions changed. The dispatcher also polls, for changes made on other silos.
/// </summary>
public sealed class WebhookSignals
{
    public event Action<string>? SubscriptionChanged;

    public event Action? RegistryChanged;

    public void NotifySubscriptionChanged(string subscriptionId) => SubscriptionChanged?.Invoke(subscriptionId);

    public void NotifyRegistryChanged() => RegistryChanged?.Invoke();
}
