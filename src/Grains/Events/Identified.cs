using System.Text.Json;

namespace Orleans.Personalization.Grains.Events;

/// <summary>A Segment identify (or group) call: traits to merge into the profile's.</summary>
public sealed record Identified : ShopperEvent
{
    public JsonElement? Traits { get; init; }

    /// <summary>Set for a group call: the traits are the group's, kept under "group".</summary>
    public string? GroupId { get; init; }
}
