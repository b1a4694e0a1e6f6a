using System.Globalization;

namespace Orleans.Personalization.BenchKit;

/// <summary>
/// The benchmark's first line: cores, runtime, time, load average, and whether the kernel's DAMON memory monitor
/// runs — on this project's VM it decides the latency tail of a large process (BENCHMARKS.md, run I), so every
/// result says which way it was.
/// </summary>
public static class MachineDescription
{
    private const string DamonAdmin = "/sys/kernel/mm/damon/admin/kdamonds";

    public static string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, load average {LoadAverage()}, kernel memory monitor (DAMON) {MemoryMonitor()}");

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    /// <summary>"on" when any DAMON worker runs, "off" when none does, "n/a" where the kernel has no DAMON admin interface.</summary>
    private static string MemoryMonitor()
    {
        try
        {
            var states = Directory.Exists(DamonAdmin)
                ? Directory.GetDirectories(DamonAdmin).Select(static d => Path.Combine(d, "state")).Where(File.Exists).Select(static f => File.ReadAllText(f).Trim()).ToArray()
                : [];
            return states.Length == 0 ? "n/a" : states.Contains("on", StringComparer.Ordinal) ? "on" : "off";
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return "unreadable";
        }
    }
}
