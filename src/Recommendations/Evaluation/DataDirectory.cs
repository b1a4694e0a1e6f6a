namespace Orleans.Personalization.Recommendations.Evaluation;

/// <summary>Finds the shared evaluation data, which lives next to the repository rather than in it.</summary>
public static class DataDirectory
{
    public const string EnvironmentVariable = "PERSONALIZATION_DATA_DIR";

    /// <summary>
    /// <see cref="EnvironmentVariable"/> when set, else the first <c>shared/data</c> folder found beside
    /// <paramref name="start"/> or any of its parents; null when there is none.
    /// </summary>
    public static string? Find(string start)
    {
        var configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Directory.Exists(configured) ? Path.GetFullPath(configured) : null;
        }

        for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "data");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }
}
