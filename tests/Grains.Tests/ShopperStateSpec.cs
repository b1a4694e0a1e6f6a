using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Messages;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Tests;

/// <summary>Given events → the state they fold into (Eventuous' AggregateSpec shape, without a runtime).</summary>
internal static class ShopperStateSpec
{
    public static ShopperState Given(params TrackedMessage[] messages) => Given(messages.Select(ShopperEventReader.Read).ToArray());

    public static ShopperState Given(params ShopperEvent[] events)
    {
        var state = new ShopperState();
        foreach (var e in events)
        {
            state.Apply(e);
        }

        return state;
    }
}
