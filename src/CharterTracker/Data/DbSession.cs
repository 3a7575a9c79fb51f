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

    /// <summary>SQLite: the command's place in a group commit, whose connection its statements use until it ends.</summary>
    private SqliteGroupCommit.Lease? _lease;

    /// <summary>SQL Server: the command's own transaction.</summary>
    private DbTransaction? _transaction;

    public Dialect Dialect => factory.Dialect;

    public DbTransaction? Transaction => _lease?.Transaction ?? _transaction;

    public async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken = default) =>
        _lease?.Connection ?? (_connection ??= await factory.OpenAsync(cancellationToken));

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open on this session.");
        }
        if (Dialect == Dialect.Sqlite)
        {
            _lease = await factory.Writes.BeginAsync(cancellationToken);
            return;
        }
        _transaction = await (await ConnectionAsync(cancellationToken)).BeginTransactionAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_lease is { } lease)
        {
            _lease = null;
            await factory.Writes.CommitAsync(lease);
            return;
        }
        if (_transaction is null) return;
        await _transaction.CommitAsync(cancellationToken);
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public async Task RollbackAsync()
    {
        if (_lease is { } lease)
        {
            _lease = null;
            await factory.Writes.RollbackAsync(lease);
            return;
        }
        if (_transaction is null) return;
        try
        {
            await _transaction.RollbackAsync();
        }
        finally
        {
            await _transaction.DisposeAsync();
            _transaction = null;
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
    public async Task<long> InsertAsync(string insertSql, object parameters, CancellationToken cancellationToken = default)
    {
        if (Transaction is not null || Dialect != Dialect.Sqlite) return await ExecuteScalarAsync<long>(ReturningId(insertSql), parameters, cancellationToken);
        // Outside a command, as ExecuteAsync does: queued with the commands for the write lock.
        await BeginAsync(cancellationToken);
        try
        {
            var id = await ExecuteScalarAsync<long>(ReturningId(insertSql), parameters, cancellationToken);
            await CommitAsync(cancellationToken);
            return id;
        }
        catch
        {
            await RollbackAsync();
            throw;
        }
    }

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
        if (Transaction is null && Dialect == Dialect.Sqlite && IsChange(sql))
        {
            // A change outside a command (a sign-in's throttle row, a failure's audit row) queues with the commands
            // for the write lock instead of polling SQLite's lock while their groups hold it.
            await BeginAsync(cancellationToken);
            try
            {
                var changed = await ExecuteTextAsync(sql, parameters, cancellationToken);
                await CommitAsync(cancellationToken);
                return changed;
            }
            catch
            {
                await RollbackAsync();
                throw;
            }
        }
        using var span = Spans.Statement(sql);
        // Dapper runs a statement once per element of a list of parameters: the span counts them.
        if (span is not null && parameters is System.Collections.ICollection many) span.SetTag("statements", many.Count);
        var connection = await ConnectionAsync(cancellationToken);
        return await connection.ExecuteAsync(new CommandDefinition(sql, parameters, Transaction, cancellationToken: cancellationToken));
    }

    private static bool IsChange(string sql)
    {
        var text = sql.AsSpan().TrimStart();
        return text.StartsWith("INSERT", StringComparison.OrdinalIgnoreCase) || text.StartsWith("UPDATE", StringComparison.OrdinalIgnoreCase)
            || text.StartsWith("DELETE", StringComparison.OrdinalIgnoreCase);
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
