using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Orleans.Personalization.Storage.Sqlite;

/// <summary>
/// One prepared statement of the writer's connection, bound and stepped through SQLite's own API. The writer runs
/// some ten statements per shopper batch; through <see cref="SqliteCommand"/> each execution also builds a data reader,
/// a binder per parameter and boxes every number, which cost the single writer thread about an eighth of its CPU per write
/// (BENCHMARKS.md, ingestion, 2026-12-06).
/// Parameters are numbered from 1, in the order they appear in the SQL.
/// </summary>
internal sealed class SqliteStatement : IDisposable
{
    private readonly sqlite3 _connection;
    private readonly sqlite3_stmt _statement;

    public SqliteStatement(sqlite3 connection, string sql)
    {
        _connection = connection;
        Check(raw.sqlite3_prepare_v2(connection, sql, out _statement));
    }

    public SqliteStatement Bind(int index, long value)
    {
        Check(raw.sqlite3_bind_int64(_statement, index, value));
        return this;
    }

    public SqliteStatement Bind(int index, string value)
    {
        Check(raw.sqlite3_bind_text(_statement, index, value));
        return this;
    }

    public SqliteStatement Bind(int index, ReadOnlySpan<byte> value)
    {
        Check(raw.sqlite3_bind_blob(_statement, index, value));
        return this;
    }

    public SqliteStatement Bind(int index, long? value)
    {
        Check(value is { } number ? raw.sqlite3_bind_int64(_statement, index, number) : raw.sqlite3_bind_null(_statement, index));
        return this;
    }

    /// <summary>Runs the statement to its end; the rows it changed.</summary>
    public int Execute()
    {
        try
        {
            int rc;
            while ((rc = raw.sqlite3_step(_statement)) == raw.SQLITE_ROW)
            {
            }

            Check(rc, raw.SQLITE_DONE);
            return raw.sqlite3_changes(_connection);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    /// <summary>The first column of the first row as an integer, or null when there is no row or the value is NULL.</summary>
    public long? ReadInt64()
    {
        try
        {
            var rc = raw.sqlite3_step(_statement);
            if (rc == raw.SQLITE_DONE)
            {
                return null;
            }

            Check(rc, raw.SQLITE_ROW);
            return raw.sqlite3_column_type(_statement, 0) == raw.SQLITE_NULL ? null : raw.sqlite3_column_int64(_statement, 0);
        }
        finally
        {
            raw.sqlite3_reset(_statement);
        }
    }

    private void Check(int rc, int expected = raw.SQLITE_OK)
    {
        if (rc != expected)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection);
            throw new SqliteException($"SQLite returned {rc}.", rc);
        }
    }

    public void Dispose() => _statement.Dispose();
}
