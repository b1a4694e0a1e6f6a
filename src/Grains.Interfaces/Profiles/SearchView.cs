namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>A recent search, most recent first.</summary>
public sealed record SearchView(string Query, DateTimeOffset At);
