using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Webhooks;
using Orleans.Personalization.Runtime.Hosting;

namespace Orleans.Personalization.Silo;

/// <summary>
/// Silos that share a store must be able to reach and trust each other (an address and a secret), and read each
/// other's webhook secrets (one key for them all).
/// </summary>
internal sealed class ClusterSettingsValidator(IOptions<StorageOptions> storage, IOptions<WebhookSecretOptions> webhookSecrets) : IValidateOptions<SiloOptions>
{
    public ValidateOptionsResult Validate(string? name, SiloOptions options)
    {
        if (storage.Value.Provider != StorageOptions.PostgreSql)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.ClusterSecret.Length < 16)
        {
            failures.Add("Silo:ClusterSecret must be set (16 characters or more, the same on every silo) when Storage:Provider is PostgreSql.");
        }

        if (!Uri.TryCreate(options.Address, UriKind.Absolute, out var address) || address.Scheme is not ("http" or "https"))
        {
            failures.Add($"Silo:Address must be the http(s) address other silos reach this one at (got '{options.Address}').");
        }

        if (string.IsNullOrEmpty(webhookSecrets.Value.Key))
        {
            failures.Add($"{WebhookSecretOptions.SectionName}:Key must be set (32 random bytes in base64, e.g. from `openssl rand -base64 32`, "
                + "the same on every silo) when Storage:Provider is PostgreSql: it encrypts webhook signing secrets at rest.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
