using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Triggers.Watch;

/// <summary>The last known catalog state of a product and the changes recorded so far (the latest <see cref="MaxChanges"/>).</summary>
public sealed class ProductWatchState : IJournaledState<ProductWatchEvent>
{
    public const int MaxChanges = 50;

    public bool Known { get; set; }

    public decimal? Price { get; set; }

    public string? Currency { get; set; }

    public bool? InStock { get; set; }

    public string? Name { get; set; }

    public string? Category { get; set; }

    public long ChangeCount { get; set; }

    public List<ProductChange> Changes { get; set; } = [];

    public void Apply(ProductWatchEvent domainEvent)
    {
        switch (domainEvent)
        {
            case CatalogStateRecorded recorded:
                Known = true;
                Price = recorded.Price;
                Currency = recorded.Currency;
                InStock = recorded.InStock;
                Name = recorded.Name;
                Category = recorded.Category;
                break;
            case ProductChangeDetected detected:
                ChangeCount++;
                Changes.Add(detected.Change);
                if (Changes.Count > MaxChanges)
                {
                    Changes.RemoveAt(0);
                }

                break;
        }
    }
}
