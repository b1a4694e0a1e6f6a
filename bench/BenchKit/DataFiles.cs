namespace Orleans.Personalization.BenchKit;

/// <summary>Finds ../shared/data next to the repository, walking up from the working directory.</summary>
public static class DataFiles
{
    public static string Default()
    {
        for (var folder = new DirectoryInfo(Directory.GetCurrentDirectory()); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "shared", "data", "yoochoose-rsc15-100k", "yoochoose-clicks-100k_train_full.txt");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("Could not find shared/data/yoochoose-rsc15-100k above the working directory; pass --data <file>.");
    }
}
