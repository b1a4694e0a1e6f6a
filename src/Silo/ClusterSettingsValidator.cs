using Microsoft.Extensions.Options;
using Orleans.Personalization.Runtime.Hosting;

namespace Orleans.Personalization.Silo;

/// <summary>Silos that share a store must be able to reach and trust each other: an address and a secret.</summary>
internal sealed class ClusterSettingsValidator(IOptions<StorageOptions> storage) : IValidateOptions<SiloOptions>
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
