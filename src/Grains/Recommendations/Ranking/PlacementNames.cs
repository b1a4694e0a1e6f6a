using System.Diagnostics.CodeAnalysis;

namespace Orleans.Personalization.Grains.Recommendations.Ranking;

/// <summary>The names placements have on the wire and in the journal.</summary>
public static class PlacementNames
{
    private static readonly (Placement Placement, string Name)[] Names =
    [
        (Placement.Home, "home"),
        (Placement.ProductPage, "product_page"),
        (Placement.Cart, "cart"),
        (Placement.OrderConfirmation, "order_confirmation"),
        (Placement.Search, "search"),
    ];

    public static IEnumerable<string> All => Names.Select(static n => n.Name);

    public static string Name(this Placement placement) => Names.First(n => n.Placement == placement).Name;

    public static bool TryParse(string? name, [NotNullWhen(true)] out Placement? placement)
    {
        foreach (var (candidate, candidateName) in Names)
        {
            if (string.Equals(name, candidateName, StringComparison.Ordinal))
            {
                placement = candidate;
                return true;
            }
        }

        placement = null;
        return false;
    }
}
