using Microsoft.AspNetCore.Http.HttpResults;
using Orleans.Personalization.Grains.Ingestion;

namespace Orleans.Personalization.Api.Errors;

/// <summary>RFC 7807 answers for bad input: a validation problem whose errors are keyed by field path.</summary>
internal static class Problems
{
    public static ValidationProblem Invalid(string field, string message) => Invalid([new FieldError(field, message)]);

    public static ValidationProblem Invalid(IEnumerable<FieldError> errors) => TypedResults.ValidationProblem(
        errors.GroupBy(static e => e.Field, StringComparer.Ordinal)
            .ToDictionary(static g => g.Key, static g => g.Select(static e => e.Message).Distinct().ToArray(), StringComparer.Ordinal),
        title: "The request has invalid fields.");
}
