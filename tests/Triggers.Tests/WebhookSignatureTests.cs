using System.Security.Cryptography;
using System.Text;
using Orleans.Personalization.Triggers.Webhooks;

namespace Orleans.Personalization.Triggers.Tests;

public sealed class WebhookSignatureTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"trg_1","type":"cart_abandonment"}""");
    private static readonly DateTimeOffset SentAt = DateTimeOffset.FromUnixTimeSeconds(1_767_600_000);

    [Fact]
    public void SignatureIsHexHmacSha256OfTimestampDotBody()
    {
        var expected = Convert.ToHexStringLower(HMACSHA256.HashData(
            Encoding.UTF8.GetBytes("whsec_test"), Encoding.UTF8.GetBytes("1767600000." + Encoding.UTF8.GetString(Body))));

        Assert.Equal("v1=" + expected, WebhookSignature.Sign("whsec_test", 1_767_600_000, Body));
    }

    [Fact]
    public void ReceiverAcceptsASignatureMadeWithTheSameSecretWithinTheTolerance()
    {
        var signature = WebhookSignature.Sign("whsec_test", SentAt.ToUnixTimeSeconds(), Body);

        Assert.True(WebhookSignature.Verify("whsec_test", "1767600000", signature, Body, SentAt.AddMinutes(4), TimeSpan.FromMinutes(5)));
    }

    [Theory]
    [InlineData("whsec_other", "1767600000", 0)]
    [InlineData("whsec_test", "1767600001", 0)]
    [InlineData("whsec_test", "1767600000", 6)]
    [InlineData("whsec_test", "not-a-time", 0)]
    public void ReceiverRefusesAnotherSecretAnAlteredTimestampOrAnOldMessage(string secret, string timestamp, int minutesLater)
    {
        var signature = WebhookSignature.Sign("whsec_test", SentAt.ToUnixTimeSeconds(), Body);

        Assert.False(WebhookSignature.Verify(secret, timestamp, signature, Body, SentAt.AddMinutes(minutesLater), TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void ReceiverRefusesAnAlteredBody()
    {
        var signature = WebhookSignature.Sign("whsec_test", SentAt.ToUnixTimeSeconds(), Body);
        var altered = Encoding.UTF8.GetBytes("""{"id":"trg_1","type":"price_drop"}""");

        Assert.False(WebhookSignature.Verify("whsec_test", "1767600000", signature, altered, SentAt, TimeSpan.FromMinutes(5)));
    }
}
