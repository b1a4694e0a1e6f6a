using System.Text.Json;

namespace Orleans.Personalization.Grains.Interfaces.Messages;

/// <summary>
/// An anonymous shopper's answer to a merge: the user it belongs to (the first user it merged into) and its
/// journal, as stored, for the user's profile to absorb.
/// </summary>
public sealed record MergedHistory(string MergedInto, IReadOnlyList<JsonElement> Events);
