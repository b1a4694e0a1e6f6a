using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Tests;

public sealed class MessageIdWindowTests
{
    private const long Hour = 3_600_000;

    [Fact]
    public void RememberedIdIsFoundWithinTwentyFourHours()
    {
        var window = new MessageIdWindow();
        window.Add("m1", 0);
        window.Add("m2", 23 * Hour);

        Assert.True(window.Contains("m1"));
        Assert.False(window.Contains("m3"));
    }

    [Fact]
    public void IdsOlderThanTwentyFourHoursAreForgotten()
    {
        var window = new MessageIdWindow();
        window.Add("m1", 0);
        window.Add("m2", 24 * Hour + 1);

        Assert.False(window.Contains("m1"));
        Assert.True(window.Contains("m2"));
    }

    [Fact]
    public void WindowNeverHoldsMoreThanItsBound()
    {
        var window = new MessageIdWindow();
        for (var i = 0; i < MessageIdWindow.MaxIds + 500; i++)
        {
            window.Add($"m{i}", i);
        }

        Assert.Equal(MessageIdWindow.MaxIds, window.Count);
        Assert.False(window.Contains("m0"));
        Assert.True(window.Contains($"m{MessageIdWindow.MaxIds + 499}"));
    }

    [Theory]
    [InlineData(MessageIdWindow.IndexedFrom - 1)]
    [InlineData(MessageIdWindow.IndexedFrom + 1)]
    [InlineData(MessageIdWindow.IndexedFrom * 3)]
    public void IdsAreFoundAndRetriesAddNothingBelowAndAboveTheIndexingThreshold(int ids)
    {
        // Below the threshold ids are searched in the list; past it through a hash set that must agree with the list,
        // also when ids expire while it is in use.
        var window = new MessageIdWindow();
        for (var i = 0; i < ids; i++)
        {
            window.Add($"m{i}", i * Hour / 4);
            window.Add($"m{i}", i * Hour / 4);
        }

        var kept = Enumerable.Range(0, ids).Where(i => i * Hour / 4 >= ((ids - 1) * Hour / 4) - (24 * Hour)).ToList();
        Assert.Equal(kept.Count, window.Count);
        Assert.All(kept, i => Assert.True(window.Contains($"m{i}")));
        Assert.All(Enumerable.Range(0, ids).Except(kept), i => Assert.False(window.Contains($"m{i}")));
        Assert.False(window.Contains($"m{ids}"));
    }

    [Fact]
    public void WindowSurvivesSerialization()
    {
        var state = new ShopperState();
        state.SeenMessages.Add("m1", 5);
        var json = System.Text.Json.JsonSerializer.Serialize(state, ShopperJsonContext.Default.ShopperState);

        var restored = System.Text.Json.JsonSerializer.Deserialize(json, ShopperJsonContext.Default.ShopperState)!;

        Assert.True(restored.SeenMessages.Contains("m1"));
    }
}
