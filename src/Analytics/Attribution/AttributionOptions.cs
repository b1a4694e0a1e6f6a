namespace Orleans.Personalization.Analytics.Attribution;

/// <summary>An attribution query.</summary>
public sealed record AttributionOptions
{
    public static readonly TimeSpan MaxLookback = TimeSpan.FromDays(365);

    public AttributionModel Model { get; init; } = AttributionModel.LastTouch;

    /// <summary>Touches this long before a conversion or less count (the boundary is inclusive); Google Analytics defaults to 30 days.</summary>
    public TimeSpan Lookback { get; init; } = TimeSpan.FromDays(30);

    /// <summary>Half-life of the time-decay model; seven days, as in Google Analytics.</summary>
    public TimeSpan HalfLife { get; init; } = TimeSpan.FromDays(7);

    public ChannelDimension Dimension { get; init; } = ChannelDimension.SourceMedium;

    public string ConversionEvent { get; init; } = "Order Completed";

    public IReadOnlyList<ValidationError> Validate()
    {
        var errors = new List<ValidationError>();
        if (!Enum.IsDefined(Model))
        {
            errors.Add(new ValidationError("model", $"Unknown attribution model '{(int)Model}'."));
        }

        if (!Enum.IsDefined(Dimension))
        {
            errors.Add(new ValidationError("dimension", $"Unknown channel dimension '{(int)Dimension}'."));
        }

        if (Lookback <= TimeSpan.Zero || Lookback > MaxLookback)
        {
            errors.Add(new ValidationError("lookback", $"The lookback window must be longer than zero and at most {MaxLookback.TotalDays} days, got {Lookback}."));
        }

        if (HalfLife <= TimeSpan.Zero || HalfLife > MaxLookback)
        {
            errors.Add(new ValidationError("halfLife", $"The half-life must be longer than zero and at most {MaxLookback.TotalDays} days, got {HalfLife}."));
        }

        if (string.IsNullOrWhiteSpace(ConversionEvent))
        {
            errors.Add(new ValidationError("conversionEvent", "A conversion event name is required."));
        }

        return errors;
    }
}
