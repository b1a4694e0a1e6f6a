using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains.Triggers.Watch;

/// <summary>A price drop or a return to stock, to be told to the watching shoppers (by a projection of this journal).</summary>
public sealed record ProductChangeDetected : ProductWatchEvent
{
    public const string TypeName = "product-change-detected";

    public required ProductChange Change { get; init; }
}
