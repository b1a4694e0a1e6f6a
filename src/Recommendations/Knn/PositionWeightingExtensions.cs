namespace Orleans.Personalization.Recommendations.Knn;

public static class PositionWeightingExtensions
{
    public static double Weight(this PositionWeighting weighting, int position, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(position, length);
        var ratio = (double)position / length;
        return weighting switch
        {
            PositionWeighting.Same => 1,
            PositionWeighting.Div => ratio,
            PositionWeighting.Quadratic => ratio * ratio,
            PositionWeighting.Log => 1 / Math.Log10(length - position + 1.7),
            PositionWeighting.Linear => Math.Max(0, 1 - (0.1 * (length - position))),
            _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, null),
        };
    }
}
