using System.Text.Json.Serialization.Metadata;
using Orleans.Personalization.Grains.Interfaces.Triggers;
using Orleans.Personalization.Runtime.EventSourcing;

namespace Orleans.Personalization.Grains.Triggers.Watch;

/// <summary>
/// Compares each catalog update of a product with the last one and journals a change when the price fell
/// or the product came back in stock. The change and the new state are one append, so a change is never
/// lost nor recorded twice; <see cref="ProductChangeFanOutProjection"/> tells the watching shoppers.
/// </summary>
public sealed class ProductWatchGrain : JournaledGrain<ProductWatchState, ProductWatchEvent>, IProductWatchGrain
{
    protected override JsonTypeInfo<ProductWatchEvent> EventTypeInfo => ProductWatchJsonContext.Default.ProductWatchEvent;

    protected override JsonTypeInfo<ProductWatchState> StateTypeInfo => ProductWatchJsonContext.Default.ProductWatchState;

    public async Task CatalogUpdatedAsync(CatalogProductUpdate update)
    {
        var price = update.Price ?? State.Price;
        var inStock = update.InStock ?? State.InStock;
        var currency = update.Currency ?? State.Currency;
        var name = update.Name ?? State.Name;
        var category = update.Category ?? State.Category;
        if (State.Known && price == State.Price && inStock == State.InStock && currency == State.Currency
            && name == State.Name && category == State.Category)
        {
            return;
        }

        var now = TimeProvider.GetUtcNow();
        var dropped = State.Known && price is { } newPrice && State.Price is { } oldPrice && newPrice < oldPrice;
        var backInStock = State.Known && inStock == true && State.InStock == false;
        RaiseEvent(new CatalogStateRecorded
        {
            Timestamp = now, Price = price, Currency = currency, InStock = inStock, Name = name, Category = category,
        });
        if (dropped || backInStock)
        {
            RaiseEvent(new ProductChangeDetected
            {
                Timestamp = now,
                Change = new ProductChange(
                    $"{GrainKey}#{State.ChangeCount + 1}", GrainKey, State.Price, price, currency, backInStock, now, name, category),
            });
        }

        await ConfirmEventsAsync();
    }

    public Task<IReadOnlyList<ProductChange>> GetChangesAsync() => Task.FromResult<IReadOnlyList<ProductChange>>(State.Changes.ToArray());
}
