namespace Orleans.Personalization.Analytics.Funnels;

/// <summary>A funnel query: ordered steps, how they must follow each other, and within what time.</summary>
public sealed record FunnelDefinition(IReadOnlyList<FunnelStep> Steps)
{
    public const int MaxSteps = 20;
    public const int MaxExclusions = 20;

    public static readonly TimeSpan DefaultWindow = TimeSpan.FromDays(14);
    public static readonly TimeSpan MinWindow = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxWindow = TimeSpan.FromDays(365);

    public FunnelOrder Order { get; init; } = FunnelOrder.Ordered;

    /// <summary>Every step of an attempt must happen within this time of its first step; the boundary is inclusive.</summary>
    public TimeSpan Window { get; init; } = DefaultWindow;

    public IReadOnlyList<FunnelExclusion> Exclusions { get; init; } = [];

    /// <summary>Optional grouping; event-level kinds take their value from the first step's event of the attempt counted.</summary>
    public Breakdown? Breakdown { get; init; }

    public IReadOnlyList<ValidationError> Validate() => FunnelDefinitionValidator.Validate(this);
}
