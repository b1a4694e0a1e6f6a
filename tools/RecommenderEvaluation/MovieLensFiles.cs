using Orleans.Personalization.Recommendations.Evaluation;
using Orleans.Personalization.Recommendations.Users;

namespace Orleans.Personalization.RecommenderEvaluation;

/// <summary>MovieLens 100K and protocol 2's splits.</summary>
internal sealed class MovieLensFiles(string dataDirectory)
{
    /// <summary>Fraction of each user's ratings used for training, as in Microsoft Recommenders' benchmark.</summary>
    public const double TrainRatio = 0.75;

    /// <summary>Seeds of the test splits; their published split cannot be redrawn in C#, so we average over five.</summary>
    public static readonly int[] TestSeeds = [1, 2, 3, 4, 5];

    /// <summary>Seed of the validation split carved from the first test split's training part (tuning only).</summary>
    public const int ValidationSeed = 101;

    public IReadOnlyList<Rating> Load() => RatingsDataset.Load(Path.Combine(dataDirectory, "movielens-100k", "u.data"));
}
