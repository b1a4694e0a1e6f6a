using Orleans.Personalization.Runtime.Storage;
using Orleans.Personalization.Runtime.Tests.Grains;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Runtime.Tests;

public sealed class ReminderTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    private IReminderProbeGrain Probe(string key) => _cluster.GrainFactory.GetGrain<IReminderProbeGrain>(key);

    [Fact]
    public async Task ReminderDoesNotFireBeforeItIsDue()
    {
        var key = RuntimeTestCluster.NewKey();
        await Probe(key).ArmAsync("nudge", TimeSpan.FromMinutes(30), null);

        _cluster.Clock.Advance(TimeSpan.FromMinutes(29));
        await _cluster.Reminders.FireDueRemindersAsync();

        Assert.Empty(await Probe(key).GetFiredAsync());
    }

    [Fact]
    public async Task ReminderFiresAfterTheSiloCrashesAndRestarts()
    {
        var key = RuntimeTestCluster.NewKey();
        await Probe(key).ArmAsync("nudge", TimeSpan.FromMinutes(30), null);
        var dueAt = _cluster.Clock.GetUtcNow().AddMinutes(30).ToUnixTimeMilliseconds();

        await _cluster.CrashAndRestartAsync();
        _cluster.Clock.Advance(TimeSpan.FromMinutes(31));
        await _cluster.Reminders.FireDueRemindersAsync();

        Assert.Equal([$"nudge@{dueAt}"], await Probe(key).GetFiredAsync());
        Assert.Null(await _cluster.Services.GetReminder(key, "nudge"));
    }

    [Fact]
    public async Task ReminderArmedWithEventsIsStoredWithThemAndFiresAfterARestart()
    {
        var key = RuntimeTestCluster.NewKey();
        await Probe(key).ArmWithEventAsync("nudge", TimeSpan.FromMinutes(30), "armed", failBeforeConfirming: false);
        var dueAt = _cluster.Clock.GetUtcNow().AddMinutes(30).ToUnixTimeMilliseconds();

        Assert.Equal(dueAt, (await _cluster.Services.GetReminder(key, "nudge"))?.DueAt.ToUnixTimeMilliseconds());
        await _cluster.CrashAndRestartAsync();
        _cluster.Clock.Advance(TimeSpan.FromMinutes(31));
        await _cluster.Reminders.FireDueRemindersAsync();

        Assert.Equal(["armed", $"nudge@{dueAt}"], await Probe(key).GetFiredAsync());
    }

    [Fact]
    public async Task ReminderArmedInACallThatFailedBeforeConfirmingIsNeverStored()
    {
        var key = RuntimeTestCluster.NewKey();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Probe(key).ArmWithEventAsync("nudge", TimeSpan.FromMinutes(30), "armed", failBeforeConfirming: true));

        // The next call's append carries only its own reminder and event.
        await Probe(key).ArmWithEventAsync("other", TimeSpan.FromMinutes(30), "second", failBeforeConfirming: false);

        Assert.Null(await _cluster.Services.GetReminder(key, "nudge"));
        Assert.NotNull(await _cluster.Services.GetReminder(key, "other"));
        Assert.Equal(["second"], await Probe(key).GetFiredAsync());
    }

    [Fact]
    public async Task ReminderArmedWithNoEventsIsRegisteredOnItsOwn()
    {
        var key = RuntimeTestCluster.NewKey();
        await Probe(key).ArmWithEventAsync("nudge", TimeSpan.FromMinutes(30), eventName: null, failBeforeConfirming: false);

        Assert.NotNull(await _cluster.Services.GetReminder(key, "nudge"));
        Assert.Empty(await Probe(key).GetFiredAsync());
    }

    [Fact]
    public void ReminderOfAnotherPartitionCannotTravelWithAnAppend()
    {
        var reminder = new ReminderEntry(new GrainId("t", "k"), "r", Partition: 2, DateTimeOffset.UnixEpoch, null);

        var error = Assert.Throws<ArgumentException>(() => new JournalAppend("t/k", 1, 1, 0, []) { Reminders = [reminder] });
        Assert.Equal("Reminders", error.ParamName);
    }

    [Fact]
    public async Task OneShotReminderFiresOnce()
    {
        var key = RuntimeTestCluster.NewKey();
        await Probe(key).ArmAsync("nudge", TimeSpan.FromMinutes(1), null);

        _cluster.Clock.Advance(TimeSpan.FromMinutes(2));
        await _cluster.Reminders.FireDueRemindersAsync();
        _cluster.Clock.Advance(TimeSpan.FromMinutes(2));
        await _cluster.Reminders.FireDueRemindersAsync();

        Assert.Single(await Probe(key).GetFiredAsync());
    }

    [Fact]
    public async Task PeriodicReminderFiresOncePerPeriod()
    {
        var key = RuntimeTestCluster.NewKey();
        await Probe(key).ArmAsync("tick", TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(10));

        for (var i = 0; i < 3; i++)
        {
            _cluster.Clock.Advance(TimeSpan.FromMinutes(10));
            await _cluster.Reminders.FireDueRemindersAsync();
        }

        Assert.Equal(3, (await Probe(key).GetFiredAsync()).Count);
    }

    [Fact]
    public async Task UnregisteredReminderNeverFires()
    {
        var key = RuntimeTestCluster.NewKey();
        await Probe(key).ArmAsync("nudge", TimeSpan.FromMinutes(1), null);
        await Probe(key).DisarmAsync("nudge");

        _cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        await _cluster.Reminders.FireDueRemindersAsync();

        Assert.Empty(await Probe(key).GetFiredAsync());
    }

    [Fact]
    public async Task BackgroundLoopDeliversDueReminderWithoutBeingAsked()
    {
        var key = RuntimeTestCluster.NewKey();
        await Probe(key).ArmAsync("nudge", TimeSpan.FromSeconds(5), null);

        _cluster.Clock.Advance(TimeSpan.FromSeconds(6));

        await Eventually.ReturnsAsync(() => Probe(key).GetFiredAsync(), fired => fired.Count == 1, "the reminder loop to fire");
    }
}
