namespace Orleans.Personalization.Grains.Interfaces.Messages;

/// <summary>UTM parameters from Segment's <c>context.campaign</c>.</summary>
public sealed record CampaignContext(string? Source, string? Medium, string? Name, string? Term, string? Content);
