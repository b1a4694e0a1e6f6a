namespace Orleans.Personalization.Grains.Interfaces.Triggers;

/// <summary>
/// High purchase intent: the intent score (0–100) rises to <see cref="Threshold"/> or above. It fires again
/// only after the score fell back below the threshold and <see cref="Cooldown"/> has passed.
/// </summary>
public sealed record HighIntentSettings
{
    public bool Enabled { get; init; } = true;

    public double Threshold { get; init; } = 70;

    public TimeSpan Cooldown { get; init; } = TimeSpan.FromHours(1);
}
