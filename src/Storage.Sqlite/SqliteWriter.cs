using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>
/// The single writer of the database, with group commit: writes queued by many grains at once run in one
/// transaction and share one commit (and one fsync). One refused write (a fencing or version conflict) fails alone while
/// its neighbours commit; a write that fails after changing rows is undone alone too (the group then runs again with a
/// savepoint per write). A write runs again only in that case, so its work must depend on nothing but the database and
/// its inputs; what it changes outside the database belongs in its <c>committed</c> action. A write's task
/// completes only after the commit, which is what lets the API acknowledge only durable events.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly BlockingCollection<PendingWrite> _queue = new(new ConcurrentQueue<PendingWrite>());
    private readonly SqliteConnection _connection;
    private readonly int _maxWritesPerCommit;
    private readonly Thread _thread;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SqliteStatement> _statements = new(StringComparer.Ordinal);
    private readonly SqliteWriterStatistics _statistics;

    public SqliteWriter(SqliteConnection connection, int maxWritesPerCommit, ILogger logger)
    {
        _connection = connection;
        _maxWritesPerCommit = maxWritesPerCommit;
        _statistics = new SqliteWriterStatistics(logger);
        _thread = new Thread(Run) { IsBackground = true, Name = "sqlite-writer" };
        _thread.Start();
    }

    /// <summary>
    /// Runs <paramref name="work"/> in the next group transaction; completes after its commit. <paramref name="committed"/>,
    /// if given, runs on the writer thread right after the commit, before the task completes, in commit order.
    /// </summary>
    public Task<T> WriteAsync<T>(Func<SqliteWriteContext, T> work, Action<T>? committed = null)
    {
        var pending = new PendingWrite<T>(work, committed);
        try
        {
            _queue.Add(pending);
        }
        catch (InvalidOperationException)
        {
            return Task.FromException<T>(new ObjectDisposedException(nameof(SqliteWriter), "The database is closed."));
        }

        return pending.Completion.Task;
    }

    private void Run()
    {
        var batch = new List<PendingWrite>(_maxWritesPerCommit);
        var context = new SqliteWriteContext(_connection, _commands, _statements);
        while (!_queue.IsCompleted)
        {
            batch.Clear();
            if (!_queue.TryTake(out var first, Timeout.Infinite))
            {
                continue;
            }

            batch.Add(first);
            while (batch.Count < _maxWritesPerCommit && _queue.TryTake(out var next))
            {
                batch.Add(next);
            }

            var startedAt = Stopwatch.GetTimestamp();
            CommitGroup(batch, context);
            _statistics.GroupDone(batch.Count, startedAt, _connection.Handle!);
        }
    }

    private void CommitGroup(List<PendingWrite> batch, SqliteWriteContext context)
    {
        var failures = new Exception?[batch.Count];
        try
        {
            Execute("BEGIN IMMEDIATE;");
            if (!TryRunWithoutSavepoints(batch, context, failures))
            {
                Execute("ROLLBACK;");
                Execute("BEGIN IMMEDIATE;");
                RunWithSavepoints(batch, context, failures);
            }

            var commitStarted = Stopwatch.GetTimestamp();
            Execute("COMMIT;");
            _statistics.Committed(commitStarted);
        }
        catch (Exception ex)
        {
            TryRollback();
            foreach (var write in batch)
            {
                write.Fail(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            if (failures[i] is { } failure)
            {
                batch[i].Fail(failure);
            }
            else
            {
                batch[i].Complete();
            }
        }
    }

    /// <summary>
    /// The usual path: every write of the group runs straight in its transaction. A write that throws before changing a
    /// row (a fencing or version refusal) fails alone with nothing to undo. One that throws after changing rows cannot be
    /// undone alone: this returns false, and the caller rolls the group back and runs it again with a savepoint per
    /// write. A savepoint per write on every group cost the writer ~15 % of its time per write (two more statements, and
    /// a copy of each page a write first touches into the statement journal).
    /// </summary>
    private bool TryRunWithoutSavepoints(List<PendingWrite> batch, SqliteWriteContext context, Exception?[] failures)
    {
        var handle = _connection.Handle;
        for (var i = 0; i < batch.Count; i++)
        {
            // Counts the rows changed by statements that completed; a statement that fails undoes its own changes.
            var changesBefore = SQLitePCL.raw.sqlite3_total_changes(handle);
            try
            {
                batch[i].Run(context);
            }
            catch (Exception ex)
            {
                if (SQLitePCL.raw.sqlite3_get_autocommit(handle) != 0)
                {
                    // SQLite rolled the whole transaction back (out of memory or disk, an I/O error): nothing of the group
                    // was written, and the writes after this one must not run outside a transaction.
                    throw;
                }

                if (SQLitePCL.raw.sqlite3_total_changes(handle) != changesBefore)
                {
                    Array.Clear(failures);
                    return false;
                }

                failures[i] = ex;
            }
        }

        return true;
    }

    /// <summary>The careful path: each write in its own savepoint, so one that fails after changing rows is undone alone.</summary>
    private void RunWithSavepoints(List<PendingWrite> batch, SqliteWriteContext context, Exception?[] failures)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            Execute("SAVEPOINT w;");
            try
            {
                batch[i].Run(context);
                Execute("RELEASE w;");
            }
            catch (Exception ex)
            {
                Execute("ROLLBACK TO w; RELEASE w;");
                failures[i] = ex;
            }
        }
    }

    private void Execute(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = _connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.ExecuteNonQuery();
    }

    private void TryRollback()
    {
        try
        {
            Execute("ROLLBACK;");
        }
        catch (SqliteException)
        {
            // No transaction was open (BEGIN itself failed); nothing to undo.
        }
    }

    public void Dispose()
    {
        _queue.CompleteAdding();
        _thread.Join();
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        foreach (var statement in _statements.Values)
        {
            statement.Dispose();
        }

        _queue.Dispose();
    }

    private abstract class PendingWrite
    {
        public abstract void Run(SqliteWriteContext context);

        public abstract void Complete();

        public abstract void Fail(Exception exception);
    }

    private sealed class PendingWrite<T>(Func<SqliteWriteContext, T> work, Action<T>? committed) : PendingWrite
    {
        private T _result = default!;

        public TaskCompletionSource<T> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public override void Run(SqliteWriteContext context) => _result = work(context);

        public override void Complete()
        {
            committed?.Invoke(_result);
            Completion.TrySetResult(_result);
        }

        public override void Fail(Exception exception) => Completion.TrySetException(exception);
    }
}
