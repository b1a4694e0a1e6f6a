using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>
/// What the single writer did over the last interval, logged at Debug level every <see cref="Interval"/> while it writes:
/// writes and groups, pages written per write (SQLite's own count), how much of the time it was busy, and the CPU its
/// thread used (Linux only). Busy time well above CPU time means the writer waited, for a core or for the disk. Kept on
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
            _cpuAtStart = ThreadCpuNanoseconds();
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

        var cpu = ThreadCpuNanoseconds();
        var cpuShare = cpu < 0 ? "unknown" : (100.0 * (cpu - _cpuAtStart) / elapsed.TotalNanoseconds).ToString("F0", CultureInfo.InvariantCulture);
        var cpuPerWrite = cpu < 0 ? "unknown" : ((cpu - _cpuAtStart) / 1000.0 / _writes).ToString("F1", CultureInfo.InvariantCulture);
        Log(logger, _writes, _groups, elapsed.TotalSeconds, (double)_pages / _writes,
            100.0 * Stopwatch.GetElapsedTime(0, _busyTicks).TotalNanoseconds / elapsed.TotalNanoseconds, cpuShare, cpuPerWrite);
        _intervalStart = now;
        _cpuAtStart = cpu;
        _groups = _writes = _pages = _busyTicks = 0;
    }

    private static long ThreadCpuNanoseconds()
    {
        try
        {
            var text = File.ReadAllText(ThreadSchedulerStatistics);
            return long.Parse(text.AsSpan(0, text.IndexOf(' ', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or ArgumentOutOfRangeException)
        {
            return -1;
        }
    }

    [LoggerMessage(701, LogLevel.Debug,
        "SQLite writer: {Writes} writes in {Groups} groups over {Seconds:F1} s, {PagesPerWrite:F2} pages written per write, busy {BusyPercent:F0} % of the time, CPU {CpuPercent} % of a core, {CpuMicrosecondsPerWrite} µs CPU per write")]
    private static partial void Log(ILogger logger, long writes, long groups, double seconds, double pagesPerWrite, double busyPercent,
        string cpuPercent, string cpuMicrosecondsPerWrite);
}
