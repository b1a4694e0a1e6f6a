using System.Diagnostics;

namespace Orleans.Personalization.BenchKit;

/// <summary>
/// How many cores the server and this load generator kept busy over a phase (CPU time used ÷ wall time), to tell a
/// server that is short of CPU from one that waits (on storage, on locks) while cores sit idle.
/// </summary>
public sealed class CpuShare
{
    private readonly BenchServer _server;
    private readonly TimeSpan _serverStart;
    private readonly TimeSpan _generatorStart;
    private readonly long _started = Stopwatch.GetTimestamp();

    private CpuShare(BenchServer server)
    {
        _server = server;
        _serverStart = server.ProcessorTime;
        _generatorStart = Process.GetCurrentProcess().TotalProcessorTime;
    }

    public static CpuShare Start(BenchServer server) => new(server);

    /// <summary>Cores used since the start, by the server and by this process.</summary>
    public (double Server, double Generator) Stop()
    {
        var wall = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var server = (_server.ProcessorTime - _serverStart).TotalSeconds;
        var generator = (Process.GetCurrentProcess().TotalProcessorTime - _generatorStart).TotalSeconds;
        return (server / wall, generator / wall);
    }

    /// <summary>What <see cref="Stop"/> measures, as a table cell.</summary>
    public string StopAndDescribe()
    {
        var (server, generator) = Stop();
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"server {server:0.00} cores, load generator {generator:0.00} cores of {Environment.ProcessorCount}");
    }
}
