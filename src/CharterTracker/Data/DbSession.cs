using System.Data.Common;
using System.Text.RegularExpressions;
using Dapper;

namespace CharterTracker.Data;

/// <summary>
/// The connection (and, for a command, the transaction) of one request. Scoped: the transaction behaviour
/// begins and commits it, handlers only run SQL through it, so every statement of a command lands in the
/// same transaction without handlers passing it around.
/// </summary>
/// <param name="recorder">Test-only (see <see cref="ISqlServerStatementRecorder"/>); none in the product.</param>
public sealed class DbSession(DbConnectionFactory factory, ISqlServerStatementRecorder? recorder = null) : IAsyncDisposable
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
        if (Dialect == Dialect.Sqlite)
        {
            // This process's writers queue here (DbConnectionFactory.WriteGate) for no longer than the busy timeout.
            if (!await factory.WriteGate.WaitAsync(factory.BusyTimeout, cancellationToken))
            {
                throw new Microsoft.Data.Sqlite.SqliteException("database is locked: another change held it longer than the busy timeout", 5);
            }
            _holdsWriteGate = true;
        }
        try
        {
            // Microsoft.Data.Sqlite begins IMMEDIATE by default: the write lock is taken up front, so two
            // writers queue on the busy timeout rather than deadlock on a lock upgrade.
            Transaction = await connection.BeginTransactionAsync(cancellationToken);
        }
        catch
        {
            ReleaseWriteGate();
            throw;
        }
    }

    private bool _holdsWriteGate;

    private void ReleaseWriteGate()
    {
        if (!_holdsWriteGate) return;
        _holdsWriteGate = false;
        factory.WriteGate.Release();
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (Transaction is null) return;
        await Transaction.CommitAsync(cancellationToken);
        await Transaction.DisposeAsync();
        Transaction = null;
        ReleaseWriteGate();
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
            ReleaseWriteGate();
        }
    }

    public Task<IReadOnlyList<T>> QueryAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        QueryTextAsync<T>(Sent(sql), parameters, cancellationToken);

    public Task<IReadOnlyList<T>> QueryAsync<T>(SqlText sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        QueryTextAsync<T>(Sent(sql), parameters, cancellationToken);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        QuerySingleOrDefaultTextAsync<T>(Sent(sql), parameters, cancellationToken);

    public Task<T?> QuerySingleOrDefaultAsync<T>(SqlText sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        QuerySingleOrDefaultTextAsync<T>(Sent(sql), parameters, cancellationToken);

    public Task<T> ExecuteScalarAsync<T>(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        ExecuteScalarTextAsync<T>(Sent(sql), parameters, cancellationToken);

    public Task<T> ExecuteScalarAsync<T>(SqlText sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        ExecuteScalarTextAsync<T>(Sent(sql), parameters, cancellationToken);

    public Task<int> ExecuteAsync(string sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        ExecuteTextAsync(Sent(sql), parameters, cancellationToken);

    public Task<int> ExecuteAsync(SqlText sql, object? parameters = null, CancellationToken cancellationToken = default) =>
        ExecuteTextAsync(Sent(sql), parameters, cancellationToken);

    /// <summary>
    /// Runs <c>INSERT INTO T (…) VALUES (…)</c> and returns the new id: the one named dialect difference of every
    /// insert (SQLite <c>RETURNING Id</c>, SQL Server <c>OUTPUT INSERTED.Id</c>), see <see cref="ReturningId"/>.
    /// </summary>
    public Task<long> InsertAsync(string insertSql, object parameters, CancellationToken cancellationToken = default) =>
        ExecuteScalarAsync<long>(ReturningId(insertSql), parameters, cancellationToken);

    /// <summary>
    /// The insert in both dialects, returning the new id. SQL Server's <c>OUTPUT</c> goes between the column list and
    /// <c>VALUES</c>, so the statement must hold <c>) VALUES (</c> (any white space between) exactly once: anything else
    /// is refused here rather than sent to SQL Server without its <c>OUTPUT</c> (an id of 0 only production would see).
    /// </summary>
    public static SqlText ReturningId(string insertSql)
    {
        var values = Regex.Matches(insertSql, @"\)\s*VALUES\s*\(");
        if (values.Count != 1)
        {
            throw new ArgumentException($"An insert must hold \") VALUES (\" exactly once, where SQL Server's OUTPUT goes: {insertSql}", nameof(insertSql));
        }
        var at = values[0].Index + 1;
        return new SqlText(
            Sqlite: insertSql + "\nRETURNING Id;",
            SqlServer: insertSql[..at] + " OUTPUT INSERTED.Id" + insertSql[at..] + ";");
    }

    /// <summary>A portable statement: the same text on both engines.</summary>
    private string Sent(string sql)
    {
        recorder?.Record(sql);
        return sql;
    }

    private string Sent(SqlText sql)
    {
        recorder?.Record(sql.SqlServer);
        return sql.For(Dialect);
    }

    private async Task<IReadOnlyList<T>> QueryTextAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        using var span = Spans.Statement(sql);
        var connection = await ConnectionAsync(cancellationToken);
        var rows = await connection.QueryAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));
        return rows.AsList();
    }

    private async Task<T?> QuerySingleOrDefaultTextAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        using var span = Spans.Statement(sql);
        var connection = await ConnectionAsync(cancellationToken);
        return await connection.QuerySingleOrDefaultAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));
    }

    private async Task<T> ExecuteScalarTextAsync<T>(string sql, object? parameters, CancellationToken cancellationToken)
    {
        using var span = Spans.Statement(sql);
        var connection = await ConnectionAsync(cancellationToken);
        return (await connection.ExecuteScalarAsync<T>(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken)))!;
    }

    private async Task<int> ExecuteTextAsync(string sql, object? parameters, CancellationToken cancellationToken)
    {
        using var span = Spans.Statement(sql);
        // Dapper runs a statement once per element of a list of parameters: the span counts them.
        if (span is not null && parameters is System.Collections.ICollection many) span.SetTag("statements", many.Count);
        var connection = await ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));
    }

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

/// <summary>
/// Sees the SQL Server text of every statement about to be sent, whichever engine runs it: for a <see cref="SqlText"/>
/// its SQL Server side, for a portable string the string. Registered only by the test that parses every statement
/// with SQL Server's own parser (no SQL Server can run on the build machines); the product registers none.
/// </summary>
public interface ISqlServerStatementRecorder
{
    void Record(string sqlServerText);
}
