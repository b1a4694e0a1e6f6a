using Microsoft.Extensions.Options;
using Orleans.Personalization.Storage.Sqlite;
using Orleans.Personalization.TestKit;

namespace Orleans.Personalization.Storage.Tests;

/// <summary>The group-commit writer: writes that fail, in a group with writes that succeed.</summary>
public sealed class SqliteWriterTests : IDisposable
{
    private const string InsertSql = "INSERT INTO cluster (key, value) VALUES ($k, 'v');";

    private readonly TempDirectory _folder = new("op-sqlite-writer");
    private readonly SqliteDatabase _database;

    public SqliteWriterTests() =>
        _database = new SqliteDatabase(Options.Create(new SqliteStorageOptions { DataDirectory = _folder.Path }));

    [Fact]
    public async Task AWriteThatFailsAfterChangingRowsIsUndoneAloneWhileItsGroupCommits()
    {
        var (changedThenFailed, committed, refused, alsoCommitted) = await InOneGroupAsync(
            context =>
            {
                Insert(context, "changed-then-failed");
                throw new InvalidOperationException("failed after its insert");
            },
            context => Insert(context, "committed"),
            _ => throw new InvalidOperationException("refused before changing anything"),
            context => Insert(context, "also-committed"));

        Assert.Equal("failed after its insert", (await Assert.ThrowsAsync<InvalidOperationException>(() => changedThenFailed)).Message);
        Assert.Equal("refused before changing anything", (await Assert.ThrowsAsync<InvalidOperationException>(() => refused)).Message);
        Assert.Equal(1, await committed);
        Assert.Equal(1, await alsoCommitted);
        Assert.Equal(["also-committed", "committed"], await KeysAsync());
    }

    [Fact]
    public async Task AWriteRefusedBeforeChangingAnythingLeavesItsGroupCommitted()
    {
        var (first, refused, last, _) = await InOneGroupAsync(
            context => Insert(context, "first"),
            _ => throw new InvalidOperationException("refused"),
            context => Insert(context, "last"),
            _ => 0);

        await Assert.ThrowsAsync<InvalidOperationException>(() => refused);
        Assert.Equal(1, await first);
        Assert.Equal(1, await last);
        Assert.Equal(["first", "last"], await KeysAsync());
    }

    /// <summary>
    /// Queues four writes while the writer is held inside an earlier group, so that the four run as one group of their own.
    /// </summary>
    private async Task<(Task<int>, Task<int>, Task<int>, Task<int>)> InOneGroupAsync(
        Func<SqliteWriteContext, int> first, Func<SqliteWriteContext, int> second, Func<SqliteWriteContext, int> third, Func<SqliteWriteContext, int> fourth)
    {
        using var running = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();
        var holder = _database.Writer.WriteAsync(_ =>
        {
            running.Set();
            release.Wait();
            return 0;
        });
        running.Wait();
        var writes = (_database.Writer.WriteAsync(first), _database.Writer.WriteAsync(second),
            _database.Writer.WriteAsync(third), _database.Writer.WriteAsync(fourth));
        release.Set();
        await holder;
        return writes;
    }

    private static int Insert(SqliteWriteContext context, string key)
    {
        var command = context.Command(InsertSql, "$k");
        command.Parameters[0].Value = key;
        return command.ExecuteNonQuery();
    }

    private async Task<List<string>> KeysAsync()
    {
        await using var connection = _database.OpenReader();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT key FROM cluster ORDER BY key;";
        await using var reader = await command.ExecuteReaderAsync();
        var keys = new List<string>();
        while (await reader.ReadAsync())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    public void Dispose()
    {
        _database.Dispose();
        _folder.Dispose();
    }
}
