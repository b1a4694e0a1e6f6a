using Orleans.Personalization.Grains.Interfaces.Triggers;

namespace Orleans.Personalization.Grains.Triggers.Rules;

/// <summary>High intent fires when a batch of events lifts the score from below the threshold to it or above, outside the cooldown.</summary>
public static class HighIntentRule
{
    public static bool Fires(double scoreBefore, double scoreAfter, HighIntentSettings settings, long lastFiredAtMs, long nowMs) =>
        scoreBefore < settings.Threshold
        && scoreAfter >= settings.Threshold
        && (lastFiredAtMs == 0 || nowMs - lastFiredAtMs >= (long)settings.Cooldown.TotalMilliseconds);
}
