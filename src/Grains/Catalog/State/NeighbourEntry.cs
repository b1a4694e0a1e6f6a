namespace Orleans.Personalization.Grains.Catalog.State;

/// <summary>
/// A partner product: the decayed weight of baskets holding both (<see cref="Pair"/>), the Space-Saving
/// over-estimate it inherited when it took an evicted entry's slot (<see cref="Error"/>), and the partner's own
/// basket weight as last reported (<see cref="Partner"/>). All relative to the product's reference time.
/// </summary>
public sealed class NeighbourEntry
{
    public string ProductId { get; set; } = "";

    public double Pair { get; set; }

    public double Error { get; set; }

    public double Partner { get; set; }
}
