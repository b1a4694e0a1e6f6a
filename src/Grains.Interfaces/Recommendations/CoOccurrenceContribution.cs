namespace Orleans.Personalization.Grains.Interfaces.Recommendations;

/// <summary>
/// The effect of one shopper event on one product, keyed by the event's place in the log
/// (<see cref="Partition"/>, <see cref="Position"/>) so that a product applies it once however often it arrives.
/// <see cref="SessionItems"/> (views only) is the session's distinct viewed products so far, oldest first.
/// </summary>
public sealed record CoOccurrenceContribution(
    int Partition,
    long Position,
    ContributionKind Kind,
    long AtMs,
    IReadOnlyList<string> Partners,
    long SessionKey = 0,
    IReadOnlyList<string>? SessionItems = null,
    ProductFacts? Facts = null);
