namespace Orleans.Personalization.Recommendations.Rules;

public static class DistanceWeightingExtensions
{
    public static double Weight(this DistanceWeighting weighting, int distance)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(distance, 1);
        return weighting switch
        {
            DistanceWeighting.Same => 1,
            DistanceWeighting.Div => 1.0 / distance,
            // Written as 1/(d*d), not Math.Pow, so sums match session-rec's Python floats bit for bit.
            DistanceWeighting.Quadratic => 1.0 / (distance * distance),
            DistanceWeighting.Log => 1 / Math.Log10(distance + 1.7),
            // session-rec lets this go negative beyond d = 10; a negative vote for a co-click makes no sense.
            DistanceWeighting.Linear => Math.Max(0, 1 - (0.1 * distance)),
            _ => throw new ArgumentOutOfRangeException(nameof(weighting), weighting, null),
        };
    }
}
