using Orleans.Personalization.Analytics;

namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>
/// The answer to a create or revise: the stored version, or the errors (named by field) that stopped it.
/// <see cref="Conflict"/> says the errors are about the key being taken or the version having moved on.
/// </summary>
public sealed record RegistryChange<T>(T? Stored, IReadOnlyList<ValidationError> Errors, bool Conflict = false, bool NotFound = false)
    where T : class;
