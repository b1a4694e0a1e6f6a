namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>Settings with the number of changes made so far, so caches can tell a newer copy.</summary>
public sealed record VersionedTriggerSettings(TriggerSettings Settings, long Version);
