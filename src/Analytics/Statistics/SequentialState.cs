namespace Orleans.Personalization.Analytics.Statistics;

/// <summary>
/// What a store has learnt over all its looks at an experiment. Always-valid p-values may be taken as a
/// running minimum and confidence sequences intersected, so the state only ever tightens; a grain persists
/// it between daily looks.
/// </summary>
public sealed record SequentialState(int Looks, double PValue, double Lower, double Upper)
{
    public static SequentialState Initial { get; } = new(0, 1, double.NegativeInfinity, double.PositiveInfinity);

    public SequentialState Next(SequentialResult look)
    {
        ArgumentNullException.ThrowIfNull(look);
        return new SequentialState(
            Looks + 1,
            Math.Min(PValue, look.PValue),
            Math.Max(Lower, look.Difference.Lower),
            Math.Min(Upper, look.Difference.Upper));
    }
}
