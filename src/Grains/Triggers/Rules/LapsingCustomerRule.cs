using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Grains.Profiles;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Triggers.Rules;

/// <summary>
/// Lapsing customer: a buyer inactive for InactiveDays whose loyalty score, as of the last activity, is at
/// least MinLoyalty. Once per inactive spell: new activity starts a new one.
/// </summary>
public static class LapsingCustomerRule
{
    public static bool IsArmed(ShopperState state) =>
        state.Purchases.Orders > 0 && state.Triggers.LapsingFiredFor != state.Triggers.LastActivityAt;

    public static DateTimeOffset DueAt(TriggerState state, LapsingCustomerSettings settings) =>
        DateTimeOffset.FromUnixTimeMilliseconds(state.LastActivityAt) + TimeSpan.FromDays(settings.InactiveDays);

    public static int LoyaltyAtLastActivity(ShopperState state) =>
        LoyaltyScore.Compute(state.Purchases, DateTimeOffset.FromUnixTimeMilliseconds(state.Triggers.LastActivityAt)).Score;

    public static TriggerFacts Facts(ShopperState state, DateTimeOffset dueAt, DateTimeOffset now)
    {
        var lastActivity = DateTimeOffset.FromUnixTimeMilliseconds(state.Triggers.LastActivityAt);
        return new TriggerFacts
        {
            DueAt = dueAt,
            LastActivityAt = lastActivity,
            LoyaltyScore = LoyaltyAtLastActivity(state),
            Orders = state.Purchases.Orders,
            InactiveDays = (int)(now - lastActivity).TotalDays,
        };
    }
}
