using System.Globalization;
using Orleans.Personalization.Recommendations.Users;

namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>Reads MovieLens' <c>u.data</c>: tab-separated <c>user item rating timestamp</c>, no header.</summary>
public static class RatingsDataset
{
    public static IReadOnlyList<Rating> Load(string path) =>
        File.ReadLines(path)
            .Where(line => line.Length > 0)
            .Select(line =>
            {
                var fields = line.Split('\t');
                return new Rating(
                    long.Parse(fields[0], CultureInfo.InvariantCulture),
                    long.Parse(fields[1], CultureInfo.InvariantCulture),
                    double.Parse(fields[2], CultureInfo.InvariantCulture),
                    double.Parse(fields[3], CultureInfo.InvariantCulture));
            })
            .ToArray();
}
