namespace Orleans.Personalization.TraceSummary;

/// <summary>Sample and allocation counts, printed as shares.</summary>
internal sealed class Summary(string ours, string? callersOf = null)
{
    private readonly Dictionary<string, long> _callers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _callees = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _exclusive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _inclusive = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _threads = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _allocatedByType = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _allocatedByOurMethod = new(StringComparer.Ordinal);
    private long _samples;
    private long _allocated;

    public void AddSample(string thread, List<string> frames)
    {
        _samples++;
        _threads[thread] = _threads.GetValueOrDefault(thread) + 1;
        Add(_exclusive, frames.Count > 0 ? frames[0] : "?", 1);
        if (callersOf is not null && frames.FindIndex(f => f.Contains(callersOf, StringComparison.Ordinal)) is >= 0 and var at)
        {
            // The frames above the method (which of our code leads there) and the one it was in below (where its time goes).
            var path = frames.Skip(at).Take(6).Select(Shorten);
            Add(_callers, string.Join(" ← ", path), 1);
            Add(_callees, at == 0 ? "(itself)" : Shorten(frames[at - 1]), 1);
        }

        foreach (var frame in frames.Distinct(StringComparer.Ordinal))
        {
            Add(_inclusive, frame, 1);
        }
    }

    public void AddAllocation(string? typeName, long bytes, List<string> frames)
    {
        _allocated += bytes;
        Add(_allocatedByType, typeName ?? "?", bytes);
        Add(_allocatedByOurMethod, frames.FirstOrDefault(f => f.StartsWith(ours, StringComparison.Ordinal)) ?? "(outside our code)", bytes);
    }

    public void Print(TextWriter output, int top)
    {
        output.WriteLine($"CPU samples: {_samples:N0} on {_threads.Count} threads");
        Table(output, "by thread", _threads, _samples, top, static v => $"{v:N0}");
        Table(output, "exclusive (the method itself)", _exclusive, _samples, top, static v => $"{v:N0}");
        Table(output, "inclusive (the method and what it calls)", _inclusive, _samples, top, static v => $"{v:N0}");
        Table(output, $"stacks through {callersOf} (it and five callers)", _callers, _samples, top, static v => $"{v:N0}");
        Table(output, $"what {callersOf} was running (the method it called, or itself)", _callees, _samples, top, static v => $"{v:N0}");
        output.WriteLine();
        output.WriteLine($"allocation ticks: {_allocated / 1048576.0:N0} MiB sampled");
        Table(output, "allocated by type", _allocatedByType, _allocated, top, static v => $"{v / 1048576.0:N1} MiB");
        Table(output, $"allocated by the innermost {ours} method", _allocatedByOurMethod, _allocated, top, static v => $"{v / 1048576.0:N1} MiB");
    }

    private static void Add(Dictionary<string, long> counts, string key, long amount) =>
        counts[key] = counts.GetValueOrDefault(key) + amount;

    private static void Table(TextWriter output, string title, Dictionary<string, long> counts, long total, int top, Func<long, string> format)
    {
        if (total == 0 || counts.Count == 0)
        {
            return;
        }

        output.WriteLine();
        output.WriteLine($"| {title} | share | amount |");
        output.WriteLine("| --- | ---: | ---: |");
        foreach (var (name, value) in counts.OrderByDescending(static kv => kv.Value).Take(top))
        {
            output.WriteLine($"| {Shorten(name)} | {100.0 * value / total:0.0} % | {format(value)} |");
        }
    }

    private static string Shorten(string method)
    {
        var parameters = method.IndexOf('(', StringComparison.Ordinal);
        var name = parameters > 0 ? method[..parameters] : method;
        return name.Replace("|", "/", StringComparison.Ordinal);
    }
}
