namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>A campaign touch: UTM parameters and when the shopper arrived with them.</summary>
public sealed record CampaignView(string? Source, string? Medium, string? Name, string? Term, string? Content, DateTimeOffset At);
