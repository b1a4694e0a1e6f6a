using Microsoft.Extensions.Options;

namespace Orleans.Personalization.Grains.Webhooks;

/// <summary>
/// Checks the webhook secret keys at start: each must be 32 bytes in base64. (A cluster must set a key: the silo's
/// cluster settings check that; one silo with embedded storage makes its own key file.)
/// </summary>
internal sealed class WebhookSecretOptionsValidator : IValidateOptions<WebhookSecretOptions>
{
    public ValidateOptionsResult Validate(string? name, WebhookSecretOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.Key) && WebhookSecretKey.TryParse(options.Key) is null)
        {
            failures.Add($"{WebhookSecretOptions.SectionName}:Key must be 32 bytes in base64 (44 characters, e.g. from `openssl rand -base64 32`).");
        }

        for (var i = 0; i < options.PreviousKeys.Length; i++)
        {
            if (WebhookSecretKey.TryParse(options.PreviousKeys[i]) is null)
            {
                failures.Add($"{WebhookSecretOptions.SectionName}:PreviousKeys:{i} must be 32 bytes in base64.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
