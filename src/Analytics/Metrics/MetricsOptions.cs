namespace Orleans.Personalization.Analytics.Metrics;

/// <summary>A metrics query.</summary>
public sealed record MetricsOptions
{
    public MetricEventNames Events { get; init; } = new();

    /// <summary>
    /// Optional grouping. Event-level kinds (UTM fields, device, event property) take the value of the session's
    /// first event that has one, so a session falls in one group and a shopper in each group they had sessions in.
    /// </summary>
    public Breakdown? Breakdown { get; init; }

    /// <summary>A session of one page view and no interaction shorter than this is a bounce (PostHog uses 10 seconds).</summary>
    public TimeSpan BounceThreshold { get; init; } = TimeSpan.FromSeconds(10);

    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (BounceThreshold <= TimeSpan.Zero || BounceThreshold > TimeSpan.FromHours(1))
        {
            errors.Add(new ValidationError("bounceThreshold", $"Must be longer than zero and at most an hour, got {BounceThreshold}."));
        }

        if (Breakdown is { } breakdown)
        {
            errors.AddRange(breakdown.Validate("breakdown"));
        }

        var names = Events ?? new MetricEventNames();
        foreach (var (field, value) in new[]
                 {
                     ("events.pageView", names.PageView), ("events.addToCart", names.AddToCart), ("events.purchase", names.Purchase),
                     ("events.recommendationImpression", names.RecommendationImpression), ("events.recommendationClick", names.RecommendationClick),
                 })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(new ValidationError(field, "An event name is required."));
            }
        }

        return errors;
    }
}
