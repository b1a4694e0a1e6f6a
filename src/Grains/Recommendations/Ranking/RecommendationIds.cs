using System.Diagnostics.CodeAnalysis;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// Recommendation ids: <c>rec_{placement}_{32 hex digits of a version-7 UUID}_{served}</c>, e.g.
/// rec_product_page_01a212834ca87f228211427c2303ea12_7ob6e634j32erre (three products). The id carries what attributing impressions and
/// clicks needs, so nothing is kept in memory per answer: the placement, readable, and in <c>{served}</c> five characters
/// per product as served, in order: 25 bits in base 32 (0–9, a–v), the strategy's number (4 bits) and a 21-bit tag of
/// the product id. A reported product is found by its tag: a product that was not served matches one of the n served by
/// chance with probability n / 2,097,152, and two of 100 served products share a tag in about 0.24 % of answers (100 × 99 / 2 pairs ÷ 2²¹; then
/// the reported position, when given, tells them apart). An answer without products has no <c>_{served}</c> part; ids from before it existed
/// still parse, with nothing served.
/// The UUID's 74 random bits come from a fast non-cryptographic generator (an id names an answer, it guards
/// nothing), which spares every request the system call <see cref="Guid.CreateVersion7()"/> makes for them.
/// </summary>
public static class RecommendationIds
{
    private const string Prefix = "rec_";
    private const int HexLength = 32;
    private const int CharsPerItem = 5;
    private const int TagBits = 21;
    private const int MaxItems = 100;
    private const string Base32 = "0123456789abcdefghijklmnopqrstuv";
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");
    private static readonly System.Buffers.SearchValues<char> Base32Digits = System.Buffers.SearchValues.Create(Base32);

    /// <summary>An id for an answer with these products, in the order served, given at <paramref name="now"/>.</summary>
    public static string New(Placement placement, IReadOnlyList<RecommendedItem> items, DateTimeOffset now)
    {
        var name = placement.Name();
        var uuid = NewUuid(now);
        var served = items.Count == 0 ? 0 : 1 + (CharsPerItem * items.Count);
        return string.Create(Prefix.Length + name.Length + 1 + HexLength + served, (name, uuid, items), static (span, state) =>
        {
            var (name, uuid, items) = state;
            Prefix.CopyTo(span);
            var at = Prefix.Length;
            name.CopyTo(span[at..]);
            at += name.Length;
            span[at++] = '_';
            uuid.TryFormat(span[at..], out _, "N");
            at += HexLength;
            if (items.Count > 0)
            {
                span[at++] = '_';
            }

            for (var i = 0; i < items.Count; i++, at += CharsPerItem)
            {
                var strategy = StrategyNames.TryParse(items[i].Strategy, out var s) ? (int)s : 0;
                var value = (strategy << TagBits) | Tag(items[i].ProductId);
                for (var c = CharsPerItem - 1; c >= 0; c--, value >>= 5)
                {
                    span[at + c] = Base32[value & 31];
                }
            }
        });
    }

    /// <summary>An RFC 9562 version-7 UUID: 48 bits of Unix milliseconds, the version, 74 random bits, the variant.</summary>
    public static Guid NewUuid(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[16];
        Random.Shared.NextBytes(bytes[6..]);
        var ms = (ulong)now.ToUnixTimeMilliseconds();
        for (var i = 0; i < 6; i++)
        {
            bytes[i] = (byte)(ms >> (40 - (8 * i)));
        }

        bytes[6] = (byte)(0x70 | (bytes[6] & 0x0F));
        bytes[8] = (byte)(0x80 | (bytes[8] & 0x3F));
        return new Guid(bytes, bigEndian: true);
    }

    public static bool TryParse(string? id, [NotNullWhen(true)] out Placement? placement) => TryParse(id, out placement, out _);

    /// <summary>
    /// Where a product was in the answer this id names, and the strategy that put it there: the served place whose tag
    /// is the product's, the reported position's when it is one of them (two products can share a tag), else the first.
    /// </summary>
    public static bool TryFindServed(string id, string productId, int? reportedPosition, out RecommendationStrategy strategy, out int position)
    {
        (strategy, position) = (default, 0);
        if (!TryParse(id, out _, out var served))
        {
            return false;
        }

        var tag = Tag(productId);
        var found = -1;
        for (var i = 0; i < served.Length / CharsPerItem; i++)
        {
            if ((Value(served, i) & ((1 << TagBits) - 1)) != tag)
            {
                continue;
            }

            if (found < 0 || i + 1 == reportedPosition)
            {
                found = i;
            }
        }

        if (found < 0)
        {
            return false;
        }

        strategy = (RecommendationStrategy)(Value(served, found) >> TagBits);
        position = found + 1;
        return true;
    }

    private static bool TryParse(string? id, [NotNullWhen(true)] out Placement? placement, out ReadOnlySpan<char> served)
    {
        placement = null;
        served = default;
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var name in PlacementNames.All)
        {
            var rest = id.AsSpan(Prefix.Length);
            if (!rest.StartsWith(name, StringComparison.Ordinal) || rest.Length < name.Length + 1 + HexLength || rest[name.Length] != '_')
            {
                continue;
            }

            rest = rest[(name.Length + 1)..];
            if (rest[..HexLength].ContainsAnyExcept(LowerHex))
            {
                return false;
            }

            rest = rest[HexLength..];
            if (rest.Length > 0)
            {
                rest = rest[0] == '_' ? rest[1..] : [];
                if (rest.Length == 0
                    || rest.Length % CharsPerItem != 0
                    || rest.Length / CharsPerItem > MaxItems
                    || rest.ContainsAnyExcept(Base32Digits)
                    || !ValidStrategies(rest))
                {
                    return false;
                }
            }

            served = rest;
            return PlacementNames.TryParse(name, out placement);
        }

        return false;
    }

    private static bool ValidStrategies(ReadOnlySpan<char> served)
    {
        for (var i = 0; i < served.Length / CharsPerItem; i++)
        {
            if (Value(served, i) >> TagBits >= StrategyNames.Count)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The 25 bits of the <paramref name="index"/>th served product.</summary>
    private static int Value(ReadOnlySpan<char> served, int index)
    {
        var value = 0;
        foreach (var c in served.Slice(index * CharsPerItem, CharsPerItem))
        {
            value = (value << 5) | (c <= '9' ? c - '0' : c - 'a' + 10);
        }

        return value;
    }

    /// <summary>21 bits of the product id's FNV-1a hash: the same in every process and release (it is part of ids clients hold).</summary>
    private static int Tag(string productId)
    {
        var hash = 2166136261u;
        foreach (var c in productId)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)((hash ^ (hash >> TagBits)) & ((1u << TagBits) - 1));
    }
}
