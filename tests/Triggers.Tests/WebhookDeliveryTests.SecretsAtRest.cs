using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Personalization.Grains.Interfaces.Webhooks;
using Orleans.Personalization.Grains.Webhooks;
using Orleans.Personalization.Runtime;
using Orleans.Personalization.Runtime.Placement;
using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.TestKit;
using Orleans.Personalization.Triggers.Webhooks;

namespace Orleans.Personalization.Triggers.Tests;

/// <summary>Webhook signing secrets are journaled and snapshotted only encrypted, and deliveries are still signed with them.</summary>
public sealed partial class WebhookDeliveryTests
{
    private async Task<ReceivedWebhook> DeliveredAsync(string triggerId)
    {
        await _silo.AppendAsync((triggerId, "cart_abandonment", "u:a"));
        var received = await Eventually.ReturnsAsync(() => Task.FromResult(_receiver.Received), r => r.Any(w => w.Id == triggerId), $"delivery of {triggerId}");
        return received.Single(w => w.Id == triggerId);
    }

    private static bool SignedWith(string secret, ReceivedWebhook received) =>
        WebhookSignature.Verify(secret, received.Timestamp, received.Signature, received.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5));

    private static string StreamOf(string subscriptionId) => new GrainId("webhook", subscriptionId).ToString();

    [Fact]
    public async Task NoStoredFileHoldsASecretAndDeliveriesAreSignedWithItBeforeAndAfterARestart()
    {
        const string first = "whsec_first-secret-0123456789";
        const string rotated = "whsec_rotated-secret-0123456789";
        var subscription = await _silo.SubscribeAsync(_receiver.Url, first);
        await _silo.Cluster.GrainFactory.GetGrain<IWebhookSubscriptionGrain>(subscription).UpdateAsync(new WebhookSubscriptionChange { Secret = rotated });

        var before = await DeliveredAsync("trg_before");
        await _silo.Cluster.RestartAsync();
        var after = await DeliveredAsync("trg_after");

        Assert.True(SignedWith(rotated, before));
        Assert.True(SignedWith(rotated, after));
        Assert.False(SignedWith(first, after));
        var files = Directory.GetFiles(_silo.Cluster.DataDirectory, "*", SearchOption.AllDirectories);
        Assert.Contains(files, f => f.EndsWith("personalization.db", StringComparison.Ordinal));
        Assert.Contains(files, f => f.EndsWith("webhook-secrets.key", StringComparison.Ordinal));
        foreach (var file in files.Where(static f => !f.EndsWith("silo.lock", StringComparison.Ordinal)))
        {
            var bytes = await File.ReadAllBytesAsync(file);
            Assert.Equal(-1, bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("-secret-0123456789")));
        }

        var events = await _silo.Cluster.Journal.ReadStreamAsync(StreamOf(subscription), 0);
        Assert.All(events, e => Assert.DoesNotContain("\"secret\"", Encoding.UTF8.GetString(e.Payload), StringComparison.Ordinal));
    }

    [Fact]
    public async Task ASecretJournaledInTheClearByAnEarlierVersionStillSignsAndIsEncryptedWhenFirstUsed()
    {
        const string legacy = "whsec_kept-in-the-clear-0123456789";
        var subscription = await _silo.SubscribeAsync(_receiver.Url, "whsec_created-0123456789");

        // What a version before encryption journaled when a secret changed: the secret itself.
        var stream = StreamOf(subscription);
        var partition = _silo.Cluster.Services.GetRequiredService<PartitionMap>().PartitionOf(stream);
        Assert.True(_silo.Cluster.Services.GetRequiredService<IPartitionOwnership>().TryGetLocalLease(partition, out var lease));
        WebhookEvent clear = new WebhookUpdated { Timestamp = DateTimeOffset.UtcNow, Secret = legacy };
        await _silo.Cluster.Journal.AppendAsync(new JournalAppend(stream, partition, lease.Epoch, 1,
            [new NewJournalEvent("webhook-updated", JsonSerializer.SerializeToUtf8Bytes(clear, WebhookJsonContext.Default.WebhookEvent), clear.Timestamp)]));
        await _silo.Cluster.CrashAndRestartAsync();

        var received = await DeliveredAsync("trg_legacy");

        Assert.True(SignedWith(legacy, received));
        var events = await _silo.Cluster.Journal.ReadStreamAsync(stream, 0);
        Assert.Equal(3, events.Count);
        var encrypted = JsonSerializer.Deserialize(events[^1].Payload, WebhookJsonContext.Default.WebhookEvent) as WebhookUpdated;
        Assert.NotNull(encrypted?.ProtectedSecret);
        Assert.Null(encrypted.Secret);
        Assert.Equal(legacy, _silo.Cluster.Services.GetRequiredService<WebhookSecretProtector>().Unprotect(subscription, encrypted.ProtectedSecret));
    }
}
