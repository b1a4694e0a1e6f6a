using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Webhooks;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Grains.Tests.Webhooks;

public sealed class WebhookSecretProtectorTests : IDisposable
{
    private const string Secret = "whsec_a-signing-secret-0123456789";
    private readonly TempDirectory _folder = new("op-webhook-keys");

    public void Dispose() => _folder.Dispose();

    private static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private static WebhookSecretProtector With(string? key = null, string[]? previous = null, string? keyFile = null) =>
        new(Options.Create(new WebhookSecretOptions { Key = key, PreviousKeys = previous ?? [], KeyFile = keyFile }));

    [Fact]
    public void AProtectedSecretHidesTheSecretAndGivesItBack()
    {
        var protector = With(NewKey());

        var first = protector.Protect("wh_1", Secret);
        var second = protector.Protect("wh_1", Secret);

        Assert.DoesNotContain("signing-secret", first, StringComparison.Ordinal);
        Assert.StartsWith($"v1:{protector.CurrentKeyId}:", first, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.Equal(Secret, protector.Unprotect("wh_1", first));
        Assert.Equal(Secret, protector.Unprotect("wh_1", second));
        Assert.True(protector.IsCurrent(first));
    }

    [Fact]
    public void AProtectedSecretCopiedToAnotherSubscriptionDoesNotDecrypt()
    {
        var protector = With(NewKey());
        var stored = protector.Protect("wh_1", Secret);

        var error = Assert.Throws<InvalidOperationException>(() => protector.Unprotect("wh_2", stored));

        Assert.Contains("wh_2", error.Message, StringComparison.Ordinal);
        Assert.Contains("altered or belongs to another subscription", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAlteredProtectedSecretDoesNotDecrypt()
    {
        var protector = With(NewKey());
        var stored = protector.Protect("wh_1", Secret);
        var bytes = Convert.FromBase64String(stored.Split(':')[2]);
        bytes[^20] ^= 1;

        var error = Assert.Throws<InvalidOperationException>(() => protector.Unprotect("wh_1", $"v1:{protector.CurrentKeyId}:{Convert.ToBase64String(bytes)}"));

        Assert.Contains("altered", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APreviousKeyStillDecryptsButIsNotCurrentAndAForgottenOneIsNamed()
    {
        var (old, current) = (NewKey(), NewKey());
        var stored = With(old).Protect("wh_1", Secret);

        var rotated = With(current, previous: [old]);
        var forgotten = With(current);

        Assert.Equal(Secret, rotated.Unprotect("wh_1", stored));
        Assert.False(rotated.IsCurrent(stored));
        var error = Assert.Throws<InvalidOperationException>(() => forgotten.Unprotect("wh_1", stored));
        Assert.Contains($"key {stored.Split(':')[1]}", error.Message, StringComparison.Ordinal);
        Assert.Contains("WebhookSecrets:PreviousKeys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WithoutAKeyTheKeyFileIsMadeOnceForItsOwnerAndReused()
    {
        var path = Path.Combine(_folder.Path, "keys", "webhook-secrets.key");
        var stored = With(keyFile: path).Protect("wh_1", Secret);
        var written = File.ReadAllText(path);

        var again = With(keyFile: path);

        Assert.Equal(Secret, again.Unprotect("wh_1", stored));
        Assert.Equal(written, File.ReadAllText(path));
        Assert.Equal(32, Convert.FromBase64String(written.Trim()).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        Assert.Single(Directory.GetFiles(Path.GetDirectoryName(path)!));
    }

    [Fact]
    public void AConfiguredKeyWinsOverTheKeyFileAndABrokenKeyFileIsNamed()
    {
        var key = NewKey();
        var path = Path.Combine(_folder.Path, "webhook-secrets.key");
        File.WriteAllText(path, "not a key");

        var configured = With(key, keyFile: path);
        var broken = With(keyFile: path);

        Assert.Equal(Secret, With(key).Unprotect("wh_1", configured.Protect("wh_1", Secret)));
        var error = Assert.Throws<InvalidOperationException>(() => broken.Protect("wh_1", Secret));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NoKeyAndNoKeyFileIsAClearError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => With().Protect("wh_1", Secret));

        Assert.Contains("WebhookSecrets:Key", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("c2hvcnQ=", null, "WebhookSecrets:Key must be 32 bytes in base64")]
    [InlineData("not base64 at all", null, "WebhookSecrets:Key must be 32 bytes in base64")]
    [InlineData(null, "c2hvcnQ=", "WebhookSecrets:PreviousKeys:0 must be 32 bytes in base64")]
    public void BadKeysAreRefusedAtStartNamingTheSetting(string? key, string? previous, string expected)
    {
        var result = new WebhookSecretOptionsValidator().Validate(null, new WebhookSecretOptions { Key = key, PreviousKeys = previous is null ? [] : [previous] });

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void GoodKeysPassTheStartCheck()
    {
        var result = new WebhookSecretOptionsValidator().Validate(null, new WebhookSecretOptions { Key = NewKey(), PreviousKeys = [NewKey()] });

        Assert.True(result.Succeeded);
    }
}
