using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>
/// The single writer of the database, with group commit: writes queued by many grains at once run in one
/// transaction and share one commit (and one fsync). Each write runs inside its own savepoint, so one
/// refused write (a fencing or version conflict) fails alone while its neighbours commit. A write's task
/// completes only after the commit, which is what lets the API acknowledge only durable events.
/// </summary>
internal sealed class SqliteWriter : IDisposable
{
    private readonly BlockingCollection<PendingWrite> _queue = new(new ConcurrentQueue<PendingWrite>());
    private readonly SqliteConnection _connection;
    private readonly int _maxWritesPerCommit;
    private readonly Thread _thread;
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public SqliteWriter(SqliteConnection connection, int maxWritesPerCommit)
    {
        _connection = connection;
        _maxWritesPerCommit = maxWritesPerCommit;
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
        var context = new SqliteWriteContext(_connection, _commands);
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

            CommitGroup(batch, context);
        }
    }

    private void CommitGroup(List<PendingWrite> batch, SqliteWriteContext context)
    {
        var succeeded = new List<PendingWrite>(batch.Count);
        try
        {
            Execute("BEGIN IMMEDIATE;");
            foreach (var write in batch)
            {
                Execute("SAVEPOINT w;");
                try
                {
                    write.Run(context);
                    Execute("RELEASE w;");
                    succeeded.Add(write);
                }
                catch (Exception ex)
                {
                    Execute("ROLLBACK TO w; RELEASE w;");
                    write.Fail(ex);
                }
            }

            Execute("COMMIT;");
        }
        catch (Exception ex)
        {
            TryRollback();
            foreach (var write in succeeded)
            {
                write.Fail(ex);
            }

            return;
        }

        foreach (var write in succeeded)
        {
            write.Complete();
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
