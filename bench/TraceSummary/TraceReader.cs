using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Orleans.Personalization.TraceSummary;

/// <summary>Reads a .nettrace into counts: CPU samples per method and allocation ticks per type and per our method.</summary>
internal static class TraceReader
{
    private const string SampleProfiler = "Microsoft-DotNETCore-SampleProfiler";

    /// <summary>The sample profiler's "Type" for a thread that was running managed code.</summary>
    private const int ManagedSample = 2;

    public static Summary Read(string path, string ours, string? callersOf)
    {
        var etlx = TraceLog.CreateFromEventPipeDataFile(path);
        using var log = new TraceLog(etlx);
        var summary = new Summary(ours, callersOf);
        foreach (var traceEvent in log.Events)
        {
            if (traceEvent is GCAllocationTickTraceData allocation)
            {
                summary.AddAllocation(allocation.TypeName, allocation.AllocationAmount64, Frames(traceEvent));
            }
            else if (traceEvent.ProviderName == SampleProfiler && IsManaged(traceEvent))
            {
                summary.AddSample(traceEvent.ThreadID.ToString(System.Globalization.CultureInfo.InvariantCulture), Frames(traceEvent));
            }
        }

        File.Delete(etlx);
        return summary;
    }

    private static bool IsManaged(TraceEvent sample) =>
        sample.PayloadByName("Type") is { } type && Convert.ToInt32(type, System.Globalization.CultureInfo.InvariantCulture) == ManagedSample;

    /// <summary>The stack's method names, leaf first.</summary>
    private static List<string> Frames(TraceEvent traceEvent)
    {
        var frames = new List<string>();
        for (var frame = traceEvent.CallStack(); frame is not null; frame = frame.Caller)
        {
            var name = frame.CodeAddress.FullMethodName;
            frames.Add(string.IsNullOrEmpty(name) ? $"{frame.CodeAddress.ModuleName}!?" : name);
        }

        return frames;
    }
}
