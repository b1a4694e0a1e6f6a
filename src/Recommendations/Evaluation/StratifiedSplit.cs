using Orleans.Personalization.Recommendations.Users;

namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>
/// A random split of each user's ratings (Microsoft Recommenders' python_stratified_split): every user keeps
/// round(ratio · n) ratings for training and the rest for test, so every user appears on both sides.
/// </summary>
public static class StratifiedSplit
{
    public static (IReadOnlyList<Rating> Train, IReadOnlyList<Rating> Test) Split(IEnumerable<Rating> ratings, double ratio, int seed)
    {
        ArgumentNullException.ThrowIfNull(ratings);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(ratio);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(ratio, 1);

        // Seeded Random is a fixed algorithm in .NET, so a seed names the same split on every machine.
        var random = new Random(seed);
        var train = new List<Rating>();
        var test = new List<Rating>();
        foreach (var user in ratings.GroupBy(r => r.UserId).OrderBy(g => g.Key))
        {
            var shuffled = user.ToArray();
            random.Shuffle(shuffled);
            var cut = (int)Math.Round(ratio * shuffled.Length, MidpointRounding.ToEven);
            train.AddRange(shuffled[..cut]);
            test.AddRange(shuffled[cut..]);
        }

        return (train, test);
    }
}
