namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>
/// Lapsing customer: a buyer whose loyalty score (at their last activity) is at least <see cref="MinLoyalty"/>
/// and who has been inactive for <see cref="InactiveDays"/> days.
/// </summary>
public sealed record LapsingCustomerSettings
{
    public bool Enabled { get; init; } = true;

    public int MinLoyalty { get; init; } = 60;

    public int InactiveDays { get; init; } = 30;
}
