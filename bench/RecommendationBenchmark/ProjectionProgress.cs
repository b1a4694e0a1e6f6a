using Microsoft.Data.Sqlite;

namespace Orleans.Personalization.RecommendationBenchmark;

/// <summary>Reads the server's database (read-only) to see whether co-occurrence has applied every shopper event.</summary>
internal static class ProjectionProgress
{
    /// <summary>Shopper events not yet applied to products (summed over partitions).</summary>
    public static long Behind(string dataDirectory)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "personalization.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT COUNT(*) FROM journal j
            LEFT JOIN projection_checkpoints c ON c.projection = 'co-occurrence.applied' AND c.partition = j.partition
            WHERE j.stream_id LIKE 'user/%' AND j.position > COALESCE(c.position, 0);
            """;
        return (long)command.ExecuteScalar()!;
    }

    public static long JournalRows(string dataDirectory, string streamPrefix)
    {
        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, "personalization.db"),
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ToString());
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM journal WHERE stream_id LIKE $p;";
        command.Parameters.AddWithValue("$p", streamPrefix + "%");
        return (long)command.ExecuteScalar()!;
    }
}
