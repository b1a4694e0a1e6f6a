using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Orleans.Personalization.Api.Analytics;

/// <summary>
/// How analytics and experiment answers are written: camelCase names and enum values (the spelling requests use),
/// nulls left out, and a statistic that is not a number written as "NaN" rather than failing the whole answer.
/// </summary>
internal static class AnalyticsJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };
}
