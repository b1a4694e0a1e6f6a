using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>
/// The embedded database: one file in the data folder, in WAL mode, owned by one process at a time (an
/// exclusive lock file proves it, so a second silo on the same folder refuses to start). Writes go through
/// the group-commit writer; reads open pooled connections and run beside it, as WAL allows.
/// </summary>
public sealed class SqliteDatabase : IDisposable
{
    private readonly FileStream _lock;
    private readonly SqliteConnection _writerConnection;
    private readonly string _readConnectionString;

    public SqliteDatabase(IOptions<SqliteStorageOptions> options, ILogger<SqliteDatabase>? logger = null)
    {
        var settings = options.Value;
        var folder = Path.GetFullPath(settings.DataDirectory);
        Directory.CreateDirectory(folder);
        DatabasePath = settings.DatabasePath;
        _lock = AcquireFolderLock(folder);

        var builder = new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = true };
        _writerConnection = new SqliteConnection(builder.ToString());
        _writerConnection.Open();
        Pragma($"journal_mode = WAL; PRAGMA synchronous = {settings.Synchronous.ToUpperInvariant()}; PRAGMA busy_timeout = 5000;");

        // The writer's page cache holds the index pages that new rows land in (shopper ids and watch-index keys are
        // spread all over their B-trees; SQLite's default 2 MiB cache re-reads them from the OS on every commit), and the
        // statement journal (savepoints, when a commit group runs again write by write) stays in memory instead of a temporary file.
        Pragma($"cache_size = -{settings.WriterCacheMebibytes * 1024}; PRAGMA temp_store = MEMORY;");
        SqliteSchema.Migrate(_writerConnection, DatabasePath);
        Writer = new SqliteWriter(_writerConnection, settings.MaxWritesPerCommit, (ILogger?)logger ?? NullLogger.Instance);
        _readConnectionString = builder.ToString();
    }

    public string DatabasePath { get; }

    internal SqliteWriter Writer { get; }

    /// <summary>A pooled connection for reading; dispose it when done.</summary>
    internal SqliteConnection OpenReader()
    {
        var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        return connection;
    }

    private static FileStream AcquireFolderLock(string folder)
    {
        var path = Path.Combine(folder, "silo.lock");
        try
        {
            // On Unix, FileShare.None takes an exclusive advisory lock (flock), released by the kernel when
            // the process dies, even by SIGKILL: a stale lock cannot block a restart.
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            stream.SetLength(0);
            var pid = System.Text.Encoding.ASCII.GetBytes(Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
            stream.Write(pid);
            stream.Flush();
            return stream;
        }
        catch (IOException ex)
        {
            throw new Runtime.Storage.ClusterConfigurationException(
                $"The data folder {folder} is in use by another silo process (see {path}). The embedded SQLite storage serves "
                + $"one silo; give each silo its own Storage:Sqlite:DataDirectory, or use PostgreSQL to run several. ({ex.Message})");
        }
    }

    private void Pragma(string pragmas)
    {
        using var command = _writerConnection.CreateCommand();
        command.CommandText = "PRAGMA " + pragmas;
        command.ExecuteNonQuery();
    }

    public void Dispose()
    {
        Writer.Dispose();
        _writerConnection.Dispose();
        SqliteConnection.ClearPool(_writerConnection);
        _lock.Dispose();
    }
}
