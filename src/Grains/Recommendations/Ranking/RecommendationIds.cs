using System.Diagnostics.CodeAnalysis;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>
/// Recommendation ids: "rec_{placement}_{32 hex digits of a version-7 UUID}", e.g.
/// rec_product_page_0197c6f2a0d87b3e9d1c5f0a8b2e4d61. The placement stays readable from the id alone, so
/// feedback for an answer this silo no longer remembers is still counted per placement.
/// The UUID's 74 random bits come from a fast non-cryptographic generator (an id names an answer, it guards
/// nothing), which spares every request the system call <see cref="Guid.CreateVersion7()"/> makes for them.
/// </summary>
public static class RecommendationIds
{
    private const string Prefix = "rec_";
    private const int HexLength = 32;
    private static readonly System.Buffers.SearchValues<char> LowerHex = System.Buffers.SearchValues.Create("0123456789abcdef");

    public static string New(Placement placement) => $"{Prefix}{placement.Name()}_{NewUuid(DateTimeOffset.UtcNow):N}";

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

    public static bool TryParse(string? id, [NotNullWhen(true)] out Placement? placement)
    {
        placement = null;
        if (id is null || !id.StartsWith(Prefix, StringComparison.Ordinal) || id.Length < Prefix.Length + HexLength + 2)
        {
            return false;
        }

        var separator = id.Length - HexLength - 1;
        return id[separator] == '_'
            && !id.AsSpan(separator + 1).ContainsAnyExcept(LowerHex)
            && PlacementNames.TryParse(id[Prefix.Length..separator], out placement);
    }
}
