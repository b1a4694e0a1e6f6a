using System.Runtime;
using System.Diagnostics;
using Orleans.Personalization.Analytics;
using Orleans.Personalization.Analytics.Funnels;

namespace Orleans.Personalization.FunnelBenchmark;

/// <summary>Times a four-step funnel in each mode over synthetic events and reports time and managed memory.</summary>
internal static class FunnelBenchmarkRunner
{
    public static int Run(int eventCount, int shopperCount, int runs)
    {
        Console.WriteLine($".NET {Environment.Version}, {Environment.ProcessorCount} cores, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);
        var stopwatch = Stopwatch.StartNew();
        var events = SyntheticShop.Generate(eventCount, shopperCount, seed: 42);
        var generated = stopwatch.Elapsed;
        var heapWithEvents = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"Generated {events.Count:N0} events for {shopperCount:N0} shoppers in {generated.TotalMilliseconds:N0} ms; " +
                          $"the events hold {Mib(heapWithEvents - heapBefore)} of managed heap.");
        Console.WriteLine();
        Console.WriteLine("| funnel | people entering | completing | min ms | median ms | allocated per run | managed heap after run |");
        Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");

        FunnelStep[] steps = [new(SyntheticShop.Viewed), new(SyntheticShop.Added), new(SyntheticShop.Checkout), new(SyntheticShop.Purchased)];
        var cases = new (string Name, FunnelDefinition Definition)[]
        {
            ("ordered", new FunnelDefinition(steps)),
            ("strict", new FunnelDefinition(steps) { Order = FunnelOrder.Strict }),
            ("unordered", new FunnelDefinition(steps) { Order = FunnelOrder.Unordered }),
            ("ordered + exclusion + device breakdown", new FunnelDefinition(steps)
            {
                Exclusions = [new FunnelExclusion("Coupon Removed", 1, 3)],
                Breakdown = new Breakdown(BreakdownKind.Device),
            }),
        };
        foreach (var (name, definition) in cases)
        {
            Measure(name, runs, () => FunnelEngine.Run(definition, events));
        }

        Measure("live: append all, then snapshot", Math.Min(runs, 3), () =>
        {
            var live = new LiveFunnel(cases[0].Definition);
            foreach (var e in events)
            {
                live.Append(e);
            }

            return live.Snapshot();
        });

        // What a dashboard pays per refresh once a funnel is kept live: aggregation of cached outcomes only.
        var kept = new LiveFunnel(cases[0].Definition);
        foreach (var e in events)
        {
            kept.Append(e);
        }

        Measure("live: snapshot only (events already appended)", runs, kept.Snapshot);
        Console.WriteLine();
        Console.WriteLine($"Process peak working set: {Mib(Environment.WorkingSet > 0 ? System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64 : 0)}.");
        return 0;
    }

    private static void Measure(string name, int runs, Func<FunnelResult> run)
    {
        var result = run(); // warm-up: JIT and tiered compilation
        var times = new List<double>();
        long allocated = 0, heapAfter = 0;
        for (var i = 0; i < runs; i++)
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var stopwatch = Stopwatch.StartNew();
            result = run();
            stopwatch.Stop();
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            // Read before any collection, so it includes the run's garbage as well as the events themselves.
            heapAfter = Math.Max(heapAfter, GC.GetTotalMemory(forceFullCollection: false));
            times.Add(stopwatch.Elapsed.TotalMilliseconds);
        }

        times.Sort();
        Console.WriteLine($"| {name} | {result.Steps[0].Entered:N0} | {result.Steps[^1].Entered:N0} | {times[0]:N0} | {times[times.Count / 2]:N0} | {Mib(allocated)} | {Mib(heapAfter)} |");
    }

    private static string Mib(long bytes) => $"{bytes / (1024.0 * 1024.0):N1} MiB";
}
