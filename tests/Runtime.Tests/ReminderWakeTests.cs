using Orleans.Personalization.Runtime.Tests.Grains;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Runtime.Tests;

public sealed class ReminderWakeTests : IAsyncLifetime
{
    private InProcessTestCluster _cluster = null!;

    // A long poll, so a reminder that fires at its due time cannot have been found by the poll.
    public async Task InitializeAsync() => _cluster = await RuntimeTestCluster.StartAsync(new Dictionary<string, string?>
    {
        ["Silo:ReminderPollInterval"] = "00:10:00",
    });

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task StoredReminderFiresAtItsDueTimeRatherThanAtTheNextPoll()
    {
        var key = RuntimeTestCluster.NewKey();
        var probe = _cluster.GrainFactory.GetGrain<IReminderProbeGrain>(key);
        await probe.ArmAsync("nudge", TimeSpan.FromMinutes(25), null);

        // After a restart the silo knows the reminder only from storage.
        await _cluster.CrashAndRestartAsync();
        for (var minutes = 0; minutes < 25; minutes += 5)
        {
            _cluster.Clock.Advance(TimeSpan.FromMinutes(5));
        }

        await Eventually.ReturnsAsync(
            () => _cluster.GrainFactory.GetGrain<IReminderProbeGrain>(key).GetFiredAsync(),
            fired => fired.Count == 1,
            "the reminder to fire at its due time, 5 minutes before the next poll");
    }
}
