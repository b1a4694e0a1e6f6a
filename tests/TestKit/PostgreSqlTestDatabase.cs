using Npgsql;

namespace Orleans.Personalization.TestKit;

/// <summary>
/// A fresh, empty database on the test PostgreSQL server that ./test.sh starts (its connection string is in
/// PERSONALIZATION_TEST_POSTGRES), dropped on dispose.
/// </summary>
public sealed class PostgreSqlTestDatabase : IAsyncDisposable
{
    public const string ServerVariable = "PERSONALIZATION_TEST_POSTGRES";

    private readonly string _adminConnectionString;
    private readonly string _name;

    private PostgreSqlTestDatabase(string adminConnectionString, string name, string connectionString)
    {
        _adminConnectionString = adminConnectionString;
        _name = name;
        ConnectionString = connectionString;
    }

    /// <summary>Why PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? Unavailable => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 }
        ? null
        : $"{ServerVariable} is not set: run ./test.sh, which starts a PostgreSQL server for the tests.";

    public string ConnectionString { get; }

    public static async Task<PostgreSqlTestDatabase> CreateAsync()
    {
        var admin = Environment.GetEnvironmentVariable(ServerVariable)
            ?? throw new InvalidOperationException(Unavailable);
        var name = $"op_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(admin))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name};", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = name, MaxPoolSize = 50 }.ToString();
        return new PostgreSqlTestDatabase(admin, name, connectionString);
    }

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_adminConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE);", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
