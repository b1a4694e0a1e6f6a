namespace Orleans.Personalization.Grains.Interfaces.Messages;

/// <summary>The parts of Segment's <c>context</c> kept on every event.</summary>
public sealed record MessageContext(CampaignContext? Campaign, PageContext? Page, string? UserAgent, string? Ip, string? Locale);
