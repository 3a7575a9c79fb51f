using System.Data.Common;
using Dapper;

namespace CharterTracker.Data;

/// <summary>
/// The connection (and, for a command, the transaction) of one request. Scoped: the transaction behaviour
/// begins and commits it, handlers only run SQL through it, so every statement of a command lands in the
/// same transaction without handlers passing it around.
/// </summary>
public sealed class DbSession(DbConnectionFactory factory) : IAsyncDisposable
{
    private DbConnection? _connection;

    public Dialect Dialect => factory.Dialect;

    public DbTransaction? Transaction { get; private set; }

    public async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken = default) =>
        _connection ??= await factory.OpenAsync(cancellationToken);

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open on this session.");
        }
        var connection = await ConnectionAsync(cancellationToken);
        // Microsoft.Data.Sqlite begins IMMEDIATE by default: the write lock is taken up front, so two
        // writers queue on the busy timeout rather than deadlock on a lock upgrade.
        Transaction = await connection.BeginTransactionAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (Transaction is null) return;
        await Transaction.CommitAsync(cancellationToken);
        await Transaction.DisposeAsync();
        Transaction = null;
    }

    public async Task RollbackAsync()
    {
        if (Transaction is null) return;
        try
        {
            await Transaction.RollbackAsync();
        }
        finally
        {
            await Transaction.DisposeAsync();
            Transaction = null;
        }
    }

    public async Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        var connection = await ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    public async Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        var connection = await ConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));
    }

    public async Task<T> ExecuteScalarAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        var connection = await ConnectionAsync(cancellationToken);
        return (await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken)))!;
    }

    public async Task<int> ExecuteAsync(string sql, object? parameters = null, CancellationToken cancellationToken = default)
    {
        var connection = await ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));
    }

    /// <summary>
    /// Runs <c>INSERT INTO T (…) VALUES (…)</c> and returns the new id: the one named dialect difference of every
    /// insert (SQLite <c>RETURNING Id</c>, SQL Server <c>OUTPUT INSERTED.Id</c>).
    /// </summary>
    public Task<long> InsertAsync(string insertSql, object parameters, CancellationToken cancellationToken = default) =>
        ExecuteScalarAsync<long>(Dialect == Dialect.Sqlite
            ? insertSql + " RETURNING Id;"
            : insertSql.Replace(") VALUES (", ") OUTPUT INSERTED.Id VALUES (", StringComparison.Ordinal) + ";", parameters, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }
}
