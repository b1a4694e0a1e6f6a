using Orleans.Personalization.Grains.Interfaces.Recommendations;
using Orleans.Personalization.Grains.State;

namespace Orleans.Personalization.Grains.Catalog.State;

/// <summary>What shoppers' events said about the product, latest by event time; the catalog overrides it.</summary>
public sealed class LearnedFacts
{
    public string? Name { get; set; }

    public string? Category { get; set; }

    public decimal? Price { get; set; }

    public long AtMs { get; set; }

    public void Merge(ProductFacts facts, long atMs)
    {
        if (atMs < AtMs)
        {
            // An older event only fills what is still unknown.
            Name ??= facts.Name;
            Category ??= StringPool.ShareOrNull(facts.Category);
            Price ??= facts.Price;
            return;
        }

        Name = facts.Name ?? Name;
        Category = StringPool.ShareOrNull(facts.Category) ?? Category;
        Price = facts.Price ?? Price;
        AtMs = atMs;
    }
}
