using System.Text.Json;

namespace Orleans.Personalization.Runtime.Calls;

/// <summary>The body of a forwarded grain call: the arguments, each serialized as its parameter's type.</summary>
public sealed record GrainCallMessage(IReadOnlyList<JsonElement> Arguments);
