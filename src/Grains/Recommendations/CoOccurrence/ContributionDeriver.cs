using System.IO.Hashing;
using System.Text;
using Orleans.Personalization.Grains.Catalog.State;
using Orleans.Personalization.Grains.Events;
using Orleans.Personalization.Grains.Interfaces.Recommendations;

namespace Orleans.Personalization.Grains.Recommendations.CoOccurrence;

/// <summary>
/// Turns one shopper event into contributions to products, given the shopper's <see cref="StreamWindow"/>.
/// A session is a run of views and adds with no gap over 30 minutes (event time, journal order), looked at within
/// the last <see cref="StreamWindow.Span"/> events. The first view of a product in a session pairs it with the
/// session's earlier views (both ways); the first add pairs it with earlier adds; an order pairs its products.
/// The result depends only on the journal, so redelivery and rebuilding give the same contributions.
/// </summary>
internal static class ContributionDeriver
{
    /// <summary>The most earlier products a new one is paired with.</summary>
    public const int MaxPartners = 20;

    public static readonly long SessionGapMs = (long)TimeSpan.FromMinutes(30).TotalMilliseconds;

    /// <summary>
    /// Folds the event at <paramref name="sequence"/> (null: a type that does not matter here) into the window and
    /// hands each contribution to <paramref name="emit"/> (null when only rebuilding the window).
    /// </summary>
    public static void Fold(
        StreamWindow window,
        string streamId,
        int partition,
        long position,
        long sequence,
        ShopperEvent? shopperEvent,
        Action<string, CoOccurrenceContribution>? emit)
    {
        window.Entries.RemoveAll(e => e.Sequence <= sequence - StreamWindow.Span);
        window.Orders.RemoveAll(o => o.Sequence <= sequence - StreamWindow.Span);
        window.LastSequence = sequence;
        switch (shopperEvent)
        {
            case ProductViewed viewed:
                AddToBasket(window, streamId, partition, position, sequence, viewed.Product, viewed.Timestamp, isCart: false, emit);
                break;
            case ProductAdded added:
                AddToBasket(window, streamId, partition, position, sequence, added.Product, added.Timestamp, isCart: true, emit);
                break;
            case OrderCompleted order:
                AddOrder(window, partition, position, sequence, order, emit);
                break;
        }
    }

    /// <summary>The key of a session: its stream and the sequence of its first event within the window.</summary>
    public static long SessionKey(string streamId, long firstSequence) =>
        unchecked((long)XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{streamId}#{firstSequence}")));

    private static void AddToBasket(
        StreamWindow window,
        string streamId,
        int partition,
        long position,
        long sequence,
        ProductLine product,
        DateTimeOffset timestamp,
        bool isCart,
        Action<string, CoOccurrenceContribution>? emit)
    {
        var at = timestamp.ToUnixTimeMilliseconds();
        if (window.Entries.Count > 0 && Math.Abs(at - window.Entries[^1].AtMs) > SessionGapMs)
        {
            window.Entries.Clear();
        }

        var earlier = new List<string>();
        foreach (var entry in window.Entries)
        {
            if (entry.IsCart == isCart && !earlier.Contains(entry.ProductId))
            {
                earlier.Add(entry.ProductId);
            }
        }

        var first = !earlier.Contains(product.ProductId);
        window.Entries.Add(new WindowEntry(sequence, at, isCart, product.ProductId));
        if (emit is null)
        {
            return;
        }

        var facts = new ProductFacts(product.Name, product.Category, product.Price);
        if (!first)
        {
            emit(product.ProductId, new CoOccurrenceContribution(partition, position, isCart ? ContributionKind.RepeatCart : ContributionKind.RepeatView, at, [], Facts: facts));
            return;
        }

        var partners = earlier.Skip(Math.Max(0, earlier.Count - MaxPartners)).ToArray();
        var key = 0L;
        string[]? items = null;
        if (!isCart)
        {
            key = SessionKey(streamId, window.Entries[0].Sequence);
            items = earlier.Append(product.ProductId).TakeLast(RecentSessions.MaxItems).ToArray();
        }

        emit(product.ProductId, new CoOccurrenceContribution(
            partition, position, isCart ? ContributionKind.Cart : ContributionKind.View, at, partners, key, items, facts));
        foreach (var partner in partners)
        {
            emit(partner, new CoOccurrenceContribution(
                partition, position, isCart ? ContributionKind.PartnerCart : ContributionKind.PartnerView, at, [product.ProductId], key, items));
        }
    }

    private static void AddOrder(
        StreamWindow window, int partition, long position, long sequence, OrderCompleted order, Action<string, CoOccurrenceContribution>? emit)
    {
        // The same order reported twice (two messageIds) counts once, as in the shopper's profile.
        if (window.Orders.Exists(o => o.OrderId == order.OrderId))
        {
            return;
        }

        window.Orders.Add((sequence, order.OrderId));
        if (emit is null)
        {
            return;
        }

        var lines = order.Products.DistinctBy(static p => p.ProductId, StringComparer.Ordinal).ToArray();
        var at = order.Timestamp.ToUnixTimeMilliseconds();
        foreach (var line in lines)
        {
            var partners = lines.Where(p => p.ProductId != line.ProductId).Take(MaxPartners).Select(static p => p.ProductId).ToArray();
            emit(line.ProductId, new CoOccurrenceContribution(
                partition, position, ContributionKind.Purchase, at, partners, Facts: new ProductFacts(line.Name, line.Category, line.Price)));
        }
    }
}
