namespace Orleans.Personalization.Grains.Interfaces.Profiles;

/// <summary>A recent filter selection (Product List Filtered), most recent first.</summary>
public sealed record FilterView(string Type, string Value, DateTimeOffset At);
