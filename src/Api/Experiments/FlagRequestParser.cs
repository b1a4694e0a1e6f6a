using System.Text.Json;
using Orleans.Personalization.Analytics.Experiments;
using Orleans.Personalization.Api.Analytics;
using Orleans.Personalization.Api.Triggers;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Experiments;

namespace Orleans.Personalization.Api.Experiments;

/// <summary>The body of POST /v1/flags and PUT /v1/flags/{key}: key, rolloutPercent (0–100), targeting, description, version.</summary>
internal static class FlagRequestParser
{
    public const string ReservedKey = "evaluations";
    private static readonly string[] Fields = ["key", "rolloutPercent", "targeting", "description", "version"];

    public static FlagSpec? Parse(JsonElement body, string? pathKey, int? nextVersion, List<FieldError> errors)
    {
        var read = new JsonObjectReader(errors);
        read.RejectUnknown(body, "", Fields, $"is not a field of a flag; known: {string.Join(", ", Fields)}");
        var key = read.String(body, "key", "");
        if (pathKey is not null && key is not null && !string.Equals(key, pathKey, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new FieldError("key", $"must be '{pathKey}' as in the path, or left out"));
        }

        if (string.Equals(key, ReservedKey, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(new FieldError("key", $"'{ReservedKey}' is reserved (GET /v1/flags/{ReservedKey} evaluates every flag)"));
        }

        var rollout = read.Number(body, "rolloutPercent", "");
        if (rollout is null && JsonObjectReader.Member(body, "rolloutPercent") is null)
        {
            errors.Add(new FieldError("rolloutPercent", "is required: the share of targeted shoppers the flag is on for, 0 to 100"));
        }

        var version = read.Int(body, "version", "");
        if (version is not null && nextVersion is not null && version != nextVersion)
        {
            errors.Add(new FieldError("version", $"the next version is {nextVersion}, got {version}: the flag changed since you read it"));
        }

        var spec = new FlagSpec
        {
            Flag = new FeatureFlag(key ?? pathKey ?? "", rollout ?? 0) { Targeting = FilterJson.Parse(body, "targeting", "", errors) ?? [] },
            Version = nextVersion ?? 1,
            Description = read.String(body, "description", ""),
        };
        return errors.Count > 0 ? null : spec;
    }
}
