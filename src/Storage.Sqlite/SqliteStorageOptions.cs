using System.ComponentModel.DataAnnotations;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>Settings of the embedded storage (section "Storage:Sqlite").</summary>
public sealed class SqliteStorageOptions
{
    public const string SectionName = "Storage:Sqlite";

    /// <summary>Folder holding the database (created if missing); relative paths are from the working directory.</summary>
    [Required(AllowEmptyStrings = false)]
    public string DataDirectory { get; set; } = "data";

    /// <summary>
    /// SQLite's synchronous mode. "Full" (default) syncs the write-ahead log at every commit, so an
    /// acknowledged event survives power loss; "Normal" survives a process crash but not power loss.
    /// </summary>
    [RegularExpression("^(Full|Normal)$", ErrorMessage = "Storage:Sqlite:Synchronous must be Full or Normal.")]
    public string Synchronous { get; set; } = "Full";

    /// <summary>Most writes grouped into one transaction (group commit).</summary>
    [Range(1, 100_000)]
    public int MaxWritesPerCommit { get; set; } = 2000;

    /// <summary>Page cache of the writer's connection, in MiB (SQLite's default is 2).</summary>
    [Range(2, 65_536)]
    public int WriterCacheMebibytes { get; set; } = 64;

    /// <summary>
    /// Newest journal records kept in memory per partition for the readers that follow the journal (projections,
    /// the analytics read model); a reader further behind reads from the database.
    /// </summary>
    [Range(0, 1_000_000)]
    public int JournalTailRecords { get; set; } = 1024;

    public string DatabasePath => Path.Combine(Path.GetFullPath(DataDirectory), "personalization.db");
}
