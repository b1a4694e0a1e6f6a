using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>The "types" query parameter: trigger types, comma-separated or repeated; none means every type.</summary>
internal static class TriggerTypeFilter
{
    public static IReadOnlyList<string>? Parse(HttpRequest request, List<FieldError> errors)
    {
        var types = request.Query["types"]
            .SelectMany(static v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
        foreach (var type in types.Where(static t => !TriggerTypes.IsKnown(t)))
        {
            errors.Add(new FieldError("types", $"'{type}' is not a trigger type; known: {string.Join(", ", TriggerTypes.All)}"));
        }

        return types.Length == 0 ? null : types;
    }
}
