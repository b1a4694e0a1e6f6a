using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>
/// Group commit for PostgreSQL: appends that arrive while a commit is running go together in the next
/// transaction, one round trip (a batch of append_events calls) and one WAL flush for all of them. They run
/// in partition order, the order in which lease renewals lock the same rows, so the two never deadlock.
/// If any append in a group is refused, the group is rolled back and each append retried alone, so every
/// caller gets its own exact answer.
/// </summary>
internal sealed class PostgreSqlAppendWriter : IAsyncDisposable
{
    private const int MaxGroup = 256;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly PostgreSqlDatabase _database;
    private readonly Task _loop;

    public PostgreSqlAppendWriter(PostgreSqlDatabase database)
    {
        _database = database;
        _loop = Task.Run(LoopAsync);
    }

    public Task AppendAsync(JournalAppend append)
    {
        var pending = new PendingAppend(append);
        return _queue.Writer.TryWrite(pending)
            ? pending.Completion.Task
            : Task.FromException(new ObjectDisposedException(nameof(PostgreSqlAppendWriter)));
    }

    private async Task LoopAsync()
    {
        var group = new List<PendingAppend>(MaxGroup);
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _queue.Reader.TryRead(out var next))
            {
                group.Add(next);
            }

            await CommitGroupAsync(group.OrderBy(static p => p.Append.Partition).ToArray());
        }
    }

    private async Task CommitGroupAsync(PendingAppend[] group)
    {
        try
        {
            await using var connection = await _database.DataSource.OpenConnectionAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var batch = new NpgsqlBatch(connection, transaction);
            foreach (var pending in group)
            {
                batch.BatchCommands.Add(Command(pending.Append));

                // After append_events, which has checked the partition's lease in this transaction.
                foreach (var reminder in pending.Append.Reminders)
                {
                    batch.BatchCommands.Add(PostgreSqlReminderStore.UpsertCommand(reminder));
                }
            }

            await batch.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        catch (PostgresException) when (group.Length > 1)
        {
            foreach (var pending in group)
            {
                await CommitGroupAsync([pending]);
            }

            return;
        }
        catch (Exception ex)
        {
            var error = Translate(ex, group[0].Append);
            foreach (var pending in group)
            {
                pending.Completion.TrySetException(group.Length == 1 ? error : ex);
            }

            return;
        }

        foreach (var pending in group)
        {
            pending.Completion.TrySetResult();
        }
    }

    private static NpgsqlBatchCommand Command(JournalAppend append)
    {
        var command = new NpgsqlBatchCommand("SELECT personalization.append_events($1, $2, $3, $4, $5, $6, $7);");
        command.Parameters.AddWithValue(append.Partition);
        command.Parameters.AddWithValue(append.FencingToken);
        command.Parameters.AddWithValue(append.StreamId);
        command.Parameters.AddWithValue(append.ExpectedVersion);
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Text, append.Events.Select(static e => e.EventType).ToArray());
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Bigint, append.Events.Select(static e => e.Timestamp.ToUnixTimeMilliseconds()).ToArray());
        command.Parameters.AddWithValue(NpgsqlDbType.Array | NpgsqlDbType.Bytea, append.Events.Select(static e => e.Payload).ToArray());
        return command;
    }

    private static Exception Translate(Exception ex, JournalAppend append) => ex switch
    {
        PostgresException { SqlState: "PL001" } => new LeaseLostException(append.Partition, append.FencingToken),
        PostgresException { SqlState: "PJ001" or PostgresErrorCodes.UniqueViolation } => new JournalConflictException(append.StreamId, append.ExpectedVersion),
        _ => ex,
    };

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private sealed class PendingAppend(JournalAppend append)
    {
        public JournalAppend Append { get; } = append;

        public TaskCompletionSource Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
