using System.Net;
using Microsoft.Extensions.Options;

namespace Orleans.Personalization.Triggers.Webhooks;

/// <summary>Which URLs may receive webhooks: absolute http(s), no credentials, the allow-list, and no private addresses when denied.</summary>
public sealed class WebhookUrlPolicy(IOptions<WebhookOptions> options)
{
    public const int MaxLength = 2000;
    private readonly WebhookOptions _options = options.Value;

    /// <summary>Why the URL is refused, or null when it is acceptable.</summary>
    public string? Check(string? url)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "is required";
        }

        if (url.Length > MaxLength)
        {
            return $"must be at most {MaxLength} characters";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            return "must be an absolute http or https URL";
        }

        if (!string.IsNullOrEmpty(uri.UserInfo))
        {
            return "must not contain a user name or password";
        }

        var host = uri.IdnHost.TrimEnd('.');
        if (_options.AllowedHosts.Length > 0 && !_options.AllowedHosts.Any(pattern => HostMatches(host, pattern)))
        {
            return "has a host that is not in the allowed list (Webhooks:AllowedHosts)";
        }

        if (_options.DenyPrivateNetworks && IsInternalHost(host))
        {
            return "must not point to a loopback, private or link-local address";
        }

        return null;
    }

    /// <summary>Whether a connection to <paramref name="address"/> is allowed (checked for every connection, against DNS rebinding).</summary>
    public bool AllowsAddress(IPAddress address) => !_options.DenyPrivateNetworks || !PrivateNetworks.IsPrivate(address);

    private static bool IsInternalHost(string host)
    {
        var bare = host.Trim('[', ']');
        if (IPAddress.TryParse(bare, out var address))
        {
            return PrivateNetworks.IsPrivate(address);
        }

        return host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
            || host.EndsWith(".internal", StringComparison.OrdinalIgnoreCase)
            || !host.Contains('.', StringComparison.Ordinal);
    }

    private static bool HostMatches(string host, string pattern) =>
        pattern.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(pattern[1..], StringComparison.OrdinalIgnoreCase)
            : host.Equals(pattern, StringComparison.OrdinalIgnoreCase);
}
