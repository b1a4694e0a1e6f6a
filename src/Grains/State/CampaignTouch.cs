namespace Orleans.Personalization.Grains.State;

/// <summary>UTM parameters the shopper arrived with, and when (Unix ms).</summary>
public sealed class CampaignTouch
{
    public string? Source { get; set; }

    public string? Medium { get; set; }

    public string? Name { get; set; }

    public string? Term { get; set; }

    public string? Content { get; set; }

    public long At { get; set; }
}
