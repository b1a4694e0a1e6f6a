namespace Orleans.Personalization.Analytics.Attribution;

/// <summary>The share of one conversion each touch receives; shares always sum to 1.</summary>
public static class AttributionWeights
{
    /// <param name="model">The attribution model.</param>
    /// <param name="touches">The touches in the lookback window, oldest first; at least one.</param>
    /// <param name="conversionAt">When the conversion happened.</param>
    /// <param name="halfLife">Half-life of the time-decay model.</param>
    public static double[] For(AttributionModel model, IReadOnlyList<Touchpoint> touches, DateTimeOffset conversionAt, TimeSpan halfLife)
    {
        ArgumentNullException.ThrowIfNull(touches);
        var n = touches.Count;
        if (n == 0)
        {
            throw new ArgumentException("At least one touch is needed.", nameof(touches));
        }

        var weights = new double[n];
        switch (model)
        {
            case AttributionModel.FirstTouch:
                weights[0] = 1;
                break;
            case AttributionModel.LastTouch:
                weights[^1] = 1;
                break;
            case AttributionModel.Linear:
                Array.Fill(weights, 1.0 / n);
                break;
            case AttributionModel.TimeDecay:
                for (var i = 0; i < n; i++)
                {
                    weights[i] = Math.Pow(2, -(conversionAt - touches[i].Timestamp) / halfLife);
                }

                var total = weights.Sum();
                for (var i = 0; i < n; i++)
                {
                    weights[i] /= total;
                }

                break;
            case AttributionModel.PositionBased when n == 1:
                weights[0] = 1;
                break;
            case AttributionModel.PositionBased when n == 2:
                weights[0] = weights[1] = 0.5;
                break;
            case AttributionModel.PositionBased:
                Array.Fill(weights, 0.2 / (n - 2));
                weights[0] = weights[^1] = 0.4;
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(model), model, "Unknown attribution model.");
        }

        return weights;
    }
}
