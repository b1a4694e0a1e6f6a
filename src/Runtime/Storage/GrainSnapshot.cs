namespace Orleans.Personalization.Runtime.Storage;

/// <summary>A grain's serialized state as of journal version <see cref="Version"/>.</summary>
public sealed record GrainSnapshot(long Version, byte[] State);
