namespace Orleans.Personalization.Api.Auth;

/// <summary>
/// API keys (section "ApiKeys"). Write keys send events (Segment's write key); read keys read profiles.
/// Development settings ship dev-write-key and dev-read-key; production must configure its own.
/// </summary>
public sealed class ApiKeyOptions
{
    public const string SectionName = "ApiKeys";

    /// <summary>Keys that may send events (HTTP Basic user name, or writeKey in the body).</summary>
    public string[] WriteKeys { get; set; } = [];

    /// <summary>Keys that may read profiles (HTTP Basic user name, or a Bearer token).</summary>
    public string[] ReadKeys { get; set; } = [];

    /// <summary>Whether any configured key is a shipped development key.</summary>
    public bool UsesDevelopmentKeys => WriteKeys.Concat(ReadKeys).Any(k => k.StartsWith("dev-", StringComparison.Ordinal));
}
