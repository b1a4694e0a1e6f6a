namespace Orleans.Personalization.Runtime;

/// <summary>The silo is stopping (or not started) and accepts no new grain calls; retry elsewhere or later.</summary>
public sealed class SiloUnavailableException(string message) : Exception(message);
