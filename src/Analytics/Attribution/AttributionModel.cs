namespace Orleans.Personalization.Analytics.Attribution;

/// <summary>How a conversion's credit is shared among the touches before it.</summary>
public enum AttributionModel
{
    FirstTouch,
    LastTouch,

    /// <summary>Equal shares.</summary>
    Linear,

    /// <summary>Shares halve with every half-life between touch and conversion.</summary>
    TimeDecay,

    /// <summary>40% to the first touch, 40% to the last, 20% split among those between (50/50 with two touches).</summary>
    PositionBased,
}
