namespace Orleans.Personalization.Analytics;

/// <summary>
/// Thrown when code runs a definition that was never validated; callers facing users should call
/// <c>Validate()</c> first and report the errors instead.
/// </summary>
public sealed class InvalidDefinitionException : ArgumentException
{
    public InvalidDefinitionException(IReadOnlyList<ValidationError> errors)
        : base("Invalid definition: " + string.Join("; ", errors.Select(e => $"{e.Field}: {e.Message}")))
    {
        Errors = errors;
    }

    public InvalidDefinitionException()
        : this([])
    {
    }

    public InvalidDefinitionException(string message)
        : base(message)
    {
        Errors = [];
    }

    public InvalidDefinitionException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [];
    }

    public IReadOnlyList<ValidationError> Errors { get; }

    internal static void ThrowIfAny(IReadOnlyList<ValidationError> errors)
    {
        if (errors.Count > 0)
        {
            throw new InvalidDefinitionException(errors);
        }
    }
}
