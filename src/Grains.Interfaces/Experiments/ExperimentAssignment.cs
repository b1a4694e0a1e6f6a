namespace Orleans.Personalization.Grains.Interfaces.Experiments;

/// <summary>
/// A shopper's place in an experiment. <see cref="Variant"/> is null when the shopper is not targeted or falls
/// outside the experiment's traffic. <see cref="AssignedVersion"/> is the version the variant was chosen under
/// (it never changes); <see cref="ExposureLogged"/> says this call journaled a new exposure.
/// <see cref="RedirectTo"/> is set, and nothing else, when this anonymous shopper has merged into a user.
/// </summary>
public sealed record ExperimentAssignment
{
    public string? RedirectTo { get; init; }

    public string? Variant { get; init; }

    public int? AssignedVersion { get; init; }

    public DateTimeOffset? AssignedAt { get; init; }

    public bool ExposureLogged { get; init; }
}
