namespace Orleans.Personalization.Grains.State;

/// <summary>
/// Purchase intent as a decaying sum: each action adds its weight, and the sum halves every
/// <see cref="HalfLifeMinutes"/> minutes. The score maps the sum onto 0–100: 100 · (1 − e^(−sum / <see cref="Scale"/>)).
/// </summary>
public sealed class IntentScore
{
    public const double HalfLifeMinutes = 30;
    public const double Scale = 10;
    private const double HalfLifeMs = HalfLifeMinutes * 60_000;

    /// <summary>The sum as of <see cref="At"/>.</summary>
    public double Sum { get; set; }

    /// <summary>Unix ms of the latest action.</summary>
    public long At { get; set; }

    public void Add(double weight, long atMs)
    {
        if (atMs >= At)
        {
            Sum = SumAt(atMs) + weight;
            At = atMs;
        }
        else
        {
            // A late action counts as much as it still would now.
            Sum += weight * Math.Pow(2, -(At - atMs) / HalfLifeMs);
        }
    }

    /// <summary>A purchase realises the intent: the sum starts again from zero.</summary>
    public void Reset(long atMs)
    {
        if (atMs >= At)
        {
            Sum = 0;
            At = atMs;
        }
    }

    public double SumAt(long asOfMs) => asOfMs <= At ? Sum : Sum * Math.Pow(2, -(asOfMs - At) / HalfLifeMs);

    /// <summary>The score 0–100 at <paramref name="asOfMs"/>, rounded to one decimal.</summary>
    public double ScoreAt(long asOfMs) => Math.Round(100 * (1 - Math.Exp(-SumAt(asOfMs) / Scale)), 1);

    public IntentScore Clone() => new() { Sum = Sum, At = At };
}
