using System.Security.Cryptography;
using System.Text.Json;
using Orleans.Personalization.Grains.Ingestion;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.Interfaces.Webhooks;
using Orleans.Personalization.Triggers.Webhooks;

namespace Orleans.Personalization.Api.Triggers;

/// <summary>Reads and validates webhook subscription bodies (create and change), naming each bad field.</summary>
internal static class WebhookRequest
{
    public const int MinSecretLength = 16;
    public const int MaxSecretLength = 256;
    public const int MaxDescriptionLength = 200;
    public const int MaxAttemptsLimit = 50;
    private static readonly string[] Fields = ["url", "secret", "types", "enabled", "maxAttempts", "description"];

    public static WebhookSubscriptionSpec? ReadCreate(JsonElement body, WebhookUrlPolicy policy, List<FieldError> errors)
    {
        var change = ReadFields(body, policy, errors, creating: true);
        if (errors.Count > 0)
        {
            return null;
        }

        return new WebhookSubscriptionSpec(
            change.Url!, change.Secret ?? NewSecret(), change.Types ?? [], change.Enabled ?? true, change.MaxAttempts, change.Description);
    }

    public static WebhookSubscriptionChange? ReadChange(JsonElement body, WebhookUrlPolicy policy, List<FieldError> errors)
    {
        var change = ReadFields(body, policy, errors, creating: false);
        return errors.Count > 0 ? null : change;
    }

    /// <summary>A new random secret, in the "whsec_" form Stripe and Svix use.</summary>
    public static string NewSecret() => "whsec_" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string NewId() => "wh_" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));

    private static WebhookSubscriptionChange ReadFields(JsonElement body, WebhookUrlPolicy policy, List<FieldError> errors, bool creating)
    {
        var read = new JsonObjectReader(errors);
        read.RejectUnknown(body, "", Fields, $"is not a webhook field; known: {string.Join(", ", Fields)}");
        var url = read.String(body, "url", "");
        if (url is not null || creating)
        {
            if (policy.Check(url) is { } problem)
            {
                errors.Add(new FieldError("url", problem));
            }
        }

        var secret = read.String(body, "secret", "");
        if (secret is not null && (secret.Length is < MinSecretLength or > MaxSecretLength || secret.Any(char.IsWhiteSpace)))
        {
            errors.Add(new FieldError("secret", $"must be {MinSecretLength} to {MaxSecretLength} characters without spaces (leave it out to get a generated one)"));
        }

        var types = read.Strings(body, "types", "");
        for (var i = 0; types is not null && i < types.Count; i++)
        {
            if (!TriggerTypes.IsKnown(types[i]))
            {
                errors.Add(new FieldError($"types[{i}]", $"'{types[i]}' is not a trigger type; known: {string.Join(", ", TriggerTypes.All)}"));
            }
        }

        var maxAttempts = read.Int(body, "maxAttempts", "");
        if (maxAttempts is < 1 or > MaxAttemptsLimit)
        {
            errors.Add(new FieldError("maxAttempts", $"must be between 1 and {MaxAttemptsLimit}"));
        }

        var description = read.String(body, "description", "");
        if (description?.Length > MaxDescriptionLength)
        {
            errors.Add(new FieldError("description", $"must be at most {MaxDescriptionLength} characters"));
        }

        return new WebhookSubscriptionChange
        {
            Url = url,
            Secret = secret,
            Types = types?.Distinct(StringComparer.Ordinal).ToArray(),
            Enabled = read.Bool(body, "enabled", ""),
            MaxAttempts = maxAttempts,
            Description = description,
        };
    }
}
