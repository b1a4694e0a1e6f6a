namespace Orleans.Personalization.Analytics;

public static class ValidationErrorExtensions
{
    /// <summary>
    /// Groups errors by field in the shape <c>TypedResults.ValidationProblem</c> takes, so the HTTP layer
    /// turns them into an RFC 7807 problem without knowing our types.
    /// </summary>
    public static Dictionary<string, string[]> ToProblemErrors(this IEnumerable<ValidationError> errors) =>
        errors.GroupBy(e => e.Field, StringComparer.Ordinal)
              .ToDictionary(g => g.Key, g => g.Select(e => e.Message).ToArray(), StringComparer.Ordinal);
}
