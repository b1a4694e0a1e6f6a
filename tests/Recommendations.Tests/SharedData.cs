using Orleans.Personalization.Recommendations.Evaluation;

namespace Orleans.Personalization.Recommendations.Tests;

/// <summary>The real datasets in ../shared/data, which CI may not have; tests skip without them.</summary>
internal static class SharedData
{
    public static readonly string? Directory = DataDirectory.Find(AppContext.BaseDirectory);

    public static string SkipReason =>
        $"../shared/data was not found above {AppContext.BaseDirectory} and {DataDirectory.EnvironmentVariable} is not set";

    public static string YooChoose(string file) => Path.Combine(Directory!, "yoochoose-rsc15-100k", file);
}
