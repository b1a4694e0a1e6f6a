using Orleans.Personalization.RecommenderEvaluation;

var options = ToolOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

Console.WriteLine($"Data: {options.DataDirectory}");
if (options.Tune)
{
    if (options.Runs("yoochoose"))
    {
        YooChooseTuning.Run(new YooChooseFiles(options.DataDirectory), Console.Out);
    }

    if (options.Runs("movielens"))
    {
        MovieLensTuning.Run(new MovieLensFiles(options.DataDirectory), Console.Out);
    }

    return 0;
}

if (options.Runs("yoochoose"))
{
    YooChooseBenchmark.Run(new YooChooseFiles(options.DataDirectory), Console.Out);
}

if (options.Runs("movielens"))
{
    MovieLensBenchmark.Run(new MovieLensFiles(options.DataDirectory), Console.Out);
}

return 0;
