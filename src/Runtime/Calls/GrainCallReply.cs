using System.Text.Json;

namespace Orleans.Personalization.Runtime.Calls;

/// <summary>The answer to a forwarded call: the result, or the type and message of the exception it threw.</summary>
public sealed record GrainCallReply(JsonElement? Result, string? ExceptionType = null, string? ExceptionMessage = null);
