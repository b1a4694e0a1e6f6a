using System.Globalization;
using Microsoft.Extensions.Options;
using Orleans.Personalization.Grains.Recommendations.Ranking;

namespace Orleans.Personalization.Grains.Recommendations;

/// <summary>Refuses to start with a recommendation setting that makes no sense, naming the setting.</summary>
public sealed class RecommendationOptionsValidator : IValidateOptions<RecommendationOptions>
{
    public ValidateOptionsResult Validate(string? name, RecommendationOptions options)
    {
        var failures = new List<string>();
        if (options.ProductInfoTtl <= TimeSpan.Zero || options.PopularityTtl <= TimeSpan.Zero)
        {
            failures.Add("Recommendations:ProductInfoTtl and Recommendations:PopularityTtl must be positive.");
        }

        foreach (var placement in Enum.GetValues<Placement>())
        {
            Check($"Recommendations:{placement}", options.For(placement), failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string path, PlacementOptions placement, List<string> failures)
    {
        foreach (var (strategy, weight) in placement.Weights)
        {
            if (!StrategyNames.TryParse(strategy, out var known) || known is RecommendationStrategy.Pinned or RecommendationStrategy.Search)
            {
                failures.Add($"{path}:Weights:{strategy} is not a strategy; use co-view, co-cart, co-purchase, session-knn, category-trending, trending or popular.");
            }
            else if (weight < 0 || double.IsNaN(weight) || double.IsInfinity(weight))
            {
                failures.Add($"{path}:Weights:{strategy} must be a number, zero or more.");
            }
        }

        if (placement.MaxPerCategory is < 0 or > 100)
        {
            failures.Add($"{path}:MaxPerCategory must be 0 (no limit) to 100.");
        }

        if (placement.CategoryAffinityBoost < 0 || placement.PriceFitBoost < 0 || placement.SearchBoost < 0)
        {
            failures.Add($"{path}: CategoryAffinityBoost, PriceFitBoost and SearchBoost must be zero or more.");
        }

        for (var i = 0; i < placement.Boosts.Count; i++)
        {
            var boost = placement.Boosts[i];
            var at = string.Create(CultureInfo.InvariantCulture, $"{path}:Boosts:{i}");
            if (boost.Factor <= 0 || double.IsNaN(boost.Factor) || double.IsInfinity(boost.Factor))
            {
                failures.Add($"{at}:Factor must be a positive number.");
            }

            if (boost.ProductIds.Count == 0 && string.IsNullOrWhiteSpace(boost.Category) && string.IsNullOrWhiteSpace(boost.Attribute))
            {
                failures.Add($"{at} needs ProductIds, Category or Attribute.");
            }

            if (!string.IsNullOrWhiteSpace(boost.Attribute) && boost.Value is null)
            {
                failures.Add($"{at}:Value is required with Attribute.");
            }
        }

        for (var i = 0; i < placement.Pins.Count; i++)
        {
            var pin = placement.Pins[i];
            if (string.IsNullOrWhiteSpace(pin.ProductId) || pin.Position is < 1 or > 100)
            {
                failures.Add(string.Create(CultureInfo.InvariantCulture, $"{path}:Pins:{i} needs a ProductId and a Position from 1 to 100."));
            }
        }
    }
}
