using Orleans.Personalization.FunnelBenchmark;

// Usage: dotnet run -c Release --project bench/FunnelBenchmark [-- events shoppers runs]
var events = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 1_000_000;
var shoppers = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 100_000;
var runs = args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 5;

return FunnelBenchmarkRunner.Run(events, shoppers, runs);
