namespace Orleans.Personalization.Runtime.Calls;

/// <summary>A grain method threw on another silo; the type and message of the original exception.</summary>
public sealed class RemoteGrainCallException(string exceptionType, string message)
    : Exception($"{exceptionType}: {message}")
{
    public string ExceptionType { get; } = exceptionType;
}
