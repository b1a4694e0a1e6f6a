using Orleans.Personalization.Grains.Triggers;

namespace Orleans.Personalization.Grains.Tests.Triggers;

public sealed class ReminderDueTimesTests
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void AnUnreadReminderIsUnknownAndAKnownOneMayBeNone()
    {
        var reminders = new ReminderDueTimes();
        Assert.False(reminders.TryGetValue("cart", out _));

        reminders.Set("cart", null);

        Assert.True(reminders.TryGetValue("cart", out var due));
        Assert.Null(due);
    }

    [Fact]
    public void EachNameKeepsItsOwnDueTimeAndForgettingOneLeavesTheOthers()
    {
        var reminders = new ReminderDueTimes();
        reminders.Set("cart", Noon);
        reminders.Set("browse", Noon.AddHours(1));
        reminders.Set("lapsing", Noon.AddDays(30));
        reminders.Set("browse", Noon.AddHours(2));

        reminders.Forget("cart");

        Assert.False(reminders.TryGetValue("cart", out _));
        Assert.True(reminders.TryGetValue("browse", out var browse));
        Assert.Equal(Noon.AddHours(2), browse);
        Assert.True(reminders.TryGetValue("lapsing", out var lapsing));
        Assert.Equal(Noon.AddDays(30), lapsing);
        reminders.Forget("unknown");
        Assert.True(reminders.TryGetValue("browse", out _));
    }

    [Fact]
    public void AForgottenSlotTakesTheNextNameWithoutDisturbingTheOthers()
    {
        var reminders = new ReminderDueTimes();
        reminders.Set("cart", Noon);
        reminders.Set("browse", Noon.AddHours(1));
        reminders.Forget("cart");

        reminders.Set("lapsing", Noon.AddDays(30));
        reminders.Set("cart", null);

        Assert.True(reminders.TryGetValue("browse", out var browse));
        Assert.Equal(Noon.AddHours(1), browse);
        Assert.True(reminders.TryGetValue("lapsing", out var lapsing));
        Assert.Equal(Noon.AddDays(30), lapsing);
        Assert.True(reminders.TryGetValue("cart", out var cart));
        Assert.Null(cart);
    }
}
