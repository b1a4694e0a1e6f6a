namespace Orleans.Personalization.Grains.Interfaces.Messages;

/// <summary>The Segment message types the service accepts.</summary>
public enum MessageKind
{
    Track,
    Page,
    Screen,
    Identify,
    Group,
    Alias,
}
