namespace Orleans.Personalization.Runtime.Storage;

/// <summary>A silo announcing itself to the cluster: its id and the address other silos reach it at.</summary>
public sealed record SiloRegistration(string SiloId, string Address, DateTimeOffset StartedAt);
