using System.Net;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Triggers.Webhooks;

namespace Orleans.Personalization.Triggers.Tests;

public sealed class WebhookUrlPolicyTests
{
    private static WebhookUrlPolicy Policy(bool denyPrivate = true, params string[] allowed) =>
        new(Options.Create(new WebhookOptions { DenyPrivateNetworks = denyPrivate, AllowedHosts = allowed }));

    [Theory]
    [InlineData("https://hooks.example.com/triggers")]
    [InlineData("http://hooks.example.com:8080/t?x=1")]
    [InlineData("https://8.8.8.8/hook")]
    public void PublicHttpAndHttpsUrlsAreAccepted(string url) => Assert.Null(Policy().Check(url));

    [Theory]
    [InlineData(null, "is required")]
    [InlineData("ftp://example.com/x", "must be an absolute http or https URL")]
    [InlineData("javascript:alert(1)", "must be an absolute http or https URL")]
    [InlineData("/relative/hook", "must be an absolute http or https URL")]
    [InlineData("https://user:pass@example.com/", "must not contain a user name or password")]
    public void UrlsThatAreNotPlainHttpAreRefused(string? url, string reason) => Assert.Equal(reason, Policy(denyPrivate: false).Check(url));

    [Theory]
    [InlineData("http://127.0.0.1:9000/hook")]
    [InlineData("http://localhost/hook")]
    [InlineData("http://10.1.2.3/hook")]
    [InlineData("http://172.20.0.5/hook")]
    [InlineData("http://192.168.1.10/hook")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://100.64.0.1/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("http://[fd00::1]/hook")]
    [InlineData("http://[::ffff:10.0.0.1]/hook")]
    [InlineData("http://0.0.0.0/hook")]
    [InlineData("http://metadata.internal/hook")]
    [InlineData("http://intranet/hook")]
    public void PrivateAndLoopbackAddressesAreRefusedWhenDenied(string url)
    {
        Assert.Equal("must not point to a loopback, private or link-local address", Policy().Check(url));
        Assert.Null(Policy(denyPrivate: false).Check(url));
    }

    [Theory]
    [InlineData("https://hooks.example.com/x", true)]
    [InlineData("https://a.partner.io/x", true)]
    [InlineData("https://partner.io/x", false)]
    [InlineData("https://evil.com/x", false)]
    public void AllowListAdmitsOnlyTheListedHostsAndSubdomainPatterns(string url, bool allowed) =>
        Assert.Equal(allowed, Policy(true, "hooks.example.com", "*.partner.io").Check(url) is null);

    [Theory]
    [InlineData("127.0.0.1", false)]
    [InlineData("10.0.0.7", false)]
    [InlineData("fe80::1", false)]
    [InlineData("93.184.216.34", true)]
    [InlineData("2606:2800:220:1:248:1893:25c8:1946", true)]
    public void ConnectionsToPrivateAddressesAreRefusedWhenDenied(string address, bool allowed)
    {
        Assert.Equal(allowed, Policy().AllowsAddress(IPAddress.Parse(address)));
        Assert.True(Policy(denyPrivate: false).AllowsAddress(IPAddress.Parse(address)));
    }
}
