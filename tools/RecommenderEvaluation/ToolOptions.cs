using Orleans.Personalization.Recommendations.Evaluation;

namespace Orleans.Personalization.RecommenderEvaluation;

/// <summary>Command line: <c>[--data DIR] [--only yoochoose|movielens] [--tune]</c>.</summary>
internal sealed record ToolOptions(string DataDirectory, string Only, bool Tune)
{
    public bool Runs(string section) => Only == "all" || Only == section;

    public static ToolOptions? Parse(string[] args, TextWriter error)
    {
        string? data = null;
        var only = "all";
        var tune = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--data" when i + 1 < args.Length:
                    data = args[++i];
                    break;
                case "--only" when i + 1 < args.Length && args[i + 1] is "yoochoose" or "movielens":
                    only = args[++i];
                    break;
                case "--tune":
                    tune = true;
                    break;
                default:
                    error.WriteLine($"Unknown argument '{args[i]}'.");
                    error.WriteLine("Usage: RecommenderEvaluation [--data DIR] [--only yoochoose|movielens] [--tune]");
                    return null;
            }
        }

        // Default: ../shared/data beside the repository, found from wherever the tool is started inside it.
        data ??= Recommendations.Evaluation.DataDirectory.Find(Directory.GetCurrentDirectory());
        if (data is null || !Directory.Exists(data))
        {
            error.WriteLine($"No data folder: pass --data, set {Recommendations.Evaluation.DataDirectory.EnvironmentVariable}, or run inside the repository.");
            return null;
        }

        return new ToolOptions(Path.GetFullPath(data), only, tune);
    }
}
