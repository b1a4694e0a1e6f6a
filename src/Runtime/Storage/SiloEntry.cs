namespace Orleans.Personalization.Runtime.Storage;

/// <summary>A silo as the membership table records it.</summary>
public sealed record SiloEntry(string SiloId, string Address, DateTimeOffset StartedAt, DateTimeOffset HeartbeatAt, string Status)
{
    public const string Active = "active";
    public const string Left = "left";
}
