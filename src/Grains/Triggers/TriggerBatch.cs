using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Triggers;

/// <summary>
/// The events one TrackAsync call raises, folded into a copy of the trigger state, so the triggers they
/// cause can be decided (and journaled in the same append) before they are durable.
/// </summary>
internal sealed class TriggerBatch(TriggerState before)
{
    public IntentScore IntentBefore { get; } = before.Intent.Clone();

    public long CartVersionBefore { get; } = before.CartVersion;

    /// <summary>The trigger state as it will be once the batch is applied.</summary>
    public TriggerState After { get; } = before.Clone();

    public int Count { get; private set; }

    public bool AddsToCart { get; private set; }

    public bool HasViews { get; private set; }

    public bool HasOrder { get; private set; }

    /// <summary>The last product viewed or carted in the batch.</summary>
    public ProductLine? LastProduct { get; private set; }

    public void Add(ShopperEvent e)
    {
        Count++;
        After.Fold(e);
        Inspect(e);
    }

    private void Inspect(ShopperEvent e)
    {
        switch (e)
        {
            case AnonymousHistoryMerged merged:
                foreach (var past in merged.Events)
                {
                    Inspect(past);
                }

                break;
            case ProductViewed viewed:
                HasViews = true;
                LastProduct = viewed.Product;
                break;
            case ProductAdded added:
                AddsToCart = true;
                LastProduct = added.Product;
                break;
            case OrderCompleted:
                HasOrder = true;
                break;
        }
    }
}
