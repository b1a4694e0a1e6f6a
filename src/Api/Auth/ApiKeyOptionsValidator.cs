using Microsoft.Extensions.Options;

namespace Orleans.Personalization.Api.Auth;

/// <summary>Refuses to start without keys, with a message that says how to set them.</summary>
public sealed class ApiKeyOptionsValidator : IValidateOptions<ApiKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, ApiKeyOptions options)
    {
        var failures = new List<string>();
        if (options.WriteKeys.Length == 0)
        {
            failures.Add("ApiKeys:WriteKeys is empty: configure at least one write key (for example the environment variable ApiKeys__WriteKeys__0).");
        }

        if (options.ReadKeys.Length == 0)
        {
            failures.Add("ApiKeys:ReadKeys is empty: configure at least one read key (for example the environment variable ApiKeys__ReadKeys__0).");
        }

        if (options.WriteKeys.Concat(options.ReadKeys).Any(k => string.IsNullOrWhiteSpace(k) || k.Length > 200 || k.Contains(':', StringComparison.Ordinal)))
        {
            failures.Add("ApiKeys: every key must be 1 to 200 characters without ':' (it travels as an HTTP Basic user name).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
