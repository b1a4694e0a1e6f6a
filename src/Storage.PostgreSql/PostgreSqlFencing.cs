using Npgsql;
using Orleans.Personalization.Runtime.Storage;

namespace Orleans.Personalization.Storage.PostgreSql;

/// <summary>
/// Runs a write inside a transaction that first share-locks the partition's lease row and checks the
/// fencing token: a take-over (which updates that row) waits for the write to commit, and a write from a
/// silo whose epoch is gone is refused.
/// </summary>
internal static class PostgreSqlFencing
{
    public static async Task<T> WriteAsync<T>(
        PostgreSqlDatabase database, int partition, long fencingToken, Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> write, CancellationToken cancellationToken)
    {
        await using var connection = await database.DataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var check = new NpgsqlCommand("SELECT epoch FROM personalization.partition_leases WHERE partition = $1 FOR SHARE;", connection, transaction))
        {
            check.Parameters.AddWithValue(partition);
            if (await check.ExecuteScalarAsync(cancellationToken) is not long epoch || epoch != fencingToken)
            {
                throw new LeaseLostException(partition, fencingToken);
            }
        }

        var result = await write(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }
}
