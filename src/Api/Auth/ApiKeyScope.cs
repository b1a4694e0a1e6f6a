namespace Orleans.Personalization.Api.Auth;

/// <summary>What a key is used for.</summary>
public enum ApiKeyScope
{
    Write,
    Read,
}
