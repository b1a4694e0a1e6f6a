using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>
/// What the single writer did over the last interval, logged at Debug level every <see cref="Interval"/> while it writes:
/// writes and groups, pages written per write (SQLite's own count), how much of the time it was busy and how much of it
/// went to commits (writing the WAL and syncing it), the CPU its thread used and the time it waited, runnable, for a core
/// (both Linux only). Busy time above CPU time plus waiting for a core is time the writer waited for the disk. Kept on
/// the writer thread alone, so it needs no locking.
/// </summary>
internal sealed partial class SqliteWriterStatistics(ILogger logger)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    private const string ThreadSchedulerStatistics = "/proc/thread-self/schedstat";

    private long _intervalStart = Stopwatch.GetTimestamp();
    private long _cpuAtStart = -1;
    private long _groups;
    private long _writes;
    private long _pages;
    private long _busyTicks;
    private long _commitTicks;
    private long _waitAtStart = -1;

    /// <summary>Records a commit that started at <paramref name="startedAt"/> and ended now.</summary>
    public void Committed(long startedAt) => _commitTicks += Stopwatch.GetTimestamp() - startedAt;

    /// <summary>Records one group that took from <paramref name="startedAt"/> (a <see cref="Stopwatch"/> timestamp) to now.</summary>
    public void GroupDone(int writes, long startedAt, SQLitePCL.sqlite3 connection)
    {
        if (!logger.IsEnabled(LogLevel.Debug))
        {
            return;
        }

        // Pages this connection wrote since the last call (the counter is reset by the call).
        SQLitePCL.raw.sqlite3_db_status(connection, SQLitePCL.raw.SQLITE_DBSTATUS_CACHE_WRITE, out var pagesWritten, out _, 1);
        var now = Stopwatch.GetTimestamp();
        if (_cpuAtStart < 0)
        {
            (_cpuAtStart, _waitAtStart) = ThreadTimes();
        }

        _groups++;
        _writes += writes;
        _pages += pagesWritten;
        _busyTicks += now - startedAt;
        var elapsed = Stopwatch.GetElapsedTime(_intervalStart, now);
        if (elapsed < Interval)
        {
            return;
        }

        var (cpu, wait) = ThreadTimes();
        var cpuShare = cpu < 0 ? "unknown" : (100.0 * (cpu - _cpuAtStart) / elapsed.TotalNanoseconds).ToString("F0", CultureInfo.InvariantCulture);
        var cpuPerWrite = cpu < 0 ? "unknown" : ((cpu - _cpuAtStart) / 1000.0 / _writes).ToString("F1", CultureInfo.InvariantCulture);
        Log(logger, _writes, _groups, elapsed.TotalSeconds, (double)_pages / _writes,
            100.0 * Stopwatch.GetElapsedTime(0, _busyTicks).TotalNanoseconds / elapsed.TotalNanoseconds, cpuShare, cpuPerWrite,
            100.0 * Stopwatch.GetElapsedTime(0, _commitTicks).TotalNanoseconds / elapsed.TotalNanoseconds,
            wait < 0 ? "unknown" : (100.0 * (wait - _waitAtStart) / elapsed.TotalNanoseconds).ToString("F0", CultureInfo.InvariantCulture));
        _intervalStart = now;
        _cpuAtStart = cpu;
        _waitAtStart = wait;
        _groups = _writes = _pages = _busyTicks = _commitTicks = 0;
    }

    /// <summary>The writer thread's time on a core and time waiting, runnable, for one (ns), or -1 where unknown.</summary>
    private static (long Cpu, long WaitingForCore) ThreadTimes()
    {
        try
        {
            var fields = File.ReadAllText(ThreadSchedulerStatistics).Split(' ');
            return (long.Parse(fields[0], CultureInfo.InvariantCulture), long.Parse(fields[1], CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return (-1, -1);
        }
    }

    [LoggerMessage(701, LogLevel.Debug,
        "SQLite writer: {Writes} writes in {Groups} groups over {Seconds:F1} s, {PagesPerWrite:F2} pages written per write, busy {BusyPercent:F0} % of the time, CPU {CpuPercent} % of a core, {CpuMicrosecondsPerWrite} µs CPU per write; committing {CommitPercent:F0} % of the time, waiting for a core {WaitPercent} %")]
    private static partial void Log(ILogger logger, long writes, long groups, double seconds, double pagesPerWrite, double busyPercent,
        string cpuPercent, string cpuMicrosecondsPerWrite, double commitPercent, string waitPercent);
}
