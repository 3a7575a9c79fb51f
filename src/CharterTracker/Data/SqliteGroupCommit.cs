using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Data;

/// <summary>
/// SQLite's writers of this process, one at a time and committed in groups. With <c>synchronous = FULL</c> every commit
/// waits for the disk (an fsync of the log, about 1–2 ms on the reference machine), which is most of what a small write
/// costs once its statements are cheap. So commands that queue for the write lock while another runs share one
/// transaction: each command runs inside a savepoint of it (its failure rolls back only its own statements), and the
/// last command of the queue commits for all of them. No command returns before the commit that makes its work durable,
/// and if that commit fails every command of the group fails: none was told it succeeded.
/// <para>
/// A group is at most <see cref="MaxGroup"/> commands and never waits for work to arrive: the command that finds no one
/// queued behind it commits. A lone writer therefore commits at once, as before. SQLite's own lock (BEGIN IMMEDIATE,
/// the busy timeout) still guards against writers in other processes.
/// </para>
/// </summary>
internal sealed class SqliteGroupCommit(DbConnectionFactory factory)
{
    /// <summary>The most commands one commit makes durable, so a queue that never empties still commits.</summary>
    public const int MaxGroup = 32;

    private const string Savepoint = "command";

    private readonly SemaphoreSlim _lock = new(1, 1);

    /// <summary>Commands queued for <see cref="_lock"/>: while any is, the holder hands the open transaction on.</summary>
    private int _queued;

    /// <summary>The open transaction and the commands whose work it holds; null between groups.</summary>
    private Group? _group;

    private long _commits;
    private long _commands;

    /// <summary>Commands queued for the write lock now (tests wait on it to line a group up).</summary>
    internal int Queued => Volatile.Read(ref _queued);

    /// <summary>Commits so far, and the commands they made durable: their ratio is the mean group.</summary>
    internal (long Commits, long Commands) Totals => (Interlocked.Read(ref _commits), Interlocked.Read(ref _commands));

    internal sealed class Group(DbConnection connection, DbTransaction transaction)
    {
        public DbConnection Connection { get; } = connection;
        public SqliteTransaction Transaction { get; } = (SqliteTransaction)transaction;
        public int Members { get; set; }
        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>A command's place in a group: the connection and transaction its statements use.</summary>
    public sealed class Lease
    {
        internal Lease(Group group) => Group = group;

        internal Group Group { get; }

        public DbConnection Connection => Group.Connection;

        public DbTransaction Transaction => Group.Transaction;
    }

    /// <summary>Waits for the write lock (no longer than the busy timeout), then opens the command's savepoint.</summary>
    public async Task<Lease> BeginAsync(CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        try
        {
            if (_group is null)
            {
                var connection = await factory.OpenAsync(cancellationToken);
                try
                {
                    // Microsoft.Data.Sqlite begins IMMEDIATE: the write lock is taken up front, so a writer of another
                    // process makes this one wait on the busy timeout rather than deadlock on a lock upgrade.
                    _group = new Group(connection, await connection.BeginTransactionAsync(cancellationToken));
                }
                catch
                {
                    await connection.DisposeAsync();
                    throw;
                }
            }
            // Not cancellable: a cancelled savepoint must not cost the group the work it already holds.
            await _group.Transaction.SaveAsync(Savepoint, CancellationToken.None);
            return new Lease(_group);
        }
        catch (Exception failure)
        {
            await EndGroupAsync(failure);
            _lock.Release();
            throw;
        }
    }

    /// <summary>
    /// Keeps the command's work in its group and returns once the group has committed: at once when no command is
    /// queued (this one commits), else when the last of the queue does.
    /// </summary>
    public async Task CommitAsync(Lease lease)
    {
        var group = lease.Group;
        try
        {
            await group.Transaction.ReleaseAsync(Savepoint, CancellationToken.None);
            group.Members++;
        }
        catch (Exception failure)
        {
            // The transaction itself is gone (SQLite rolls a whole transaction back on some errors): the group's
            // commands all fail, this one with them.
            await EndGroupAsync(failure);
            _lock.Release();
            throw;
        }
        await HandOnOrCommitAsync(group);
        await WaitForCommitAsync(group);
    }

    /// <summary>Rolls the command's own statements back; the rest of its group goes on.</summary>
    public async Task RollbackAsync(Lease lease)
    {
        var group = lease.Group;
        try
        {
            await group.Transaction.RollbackAsync(Savepoint, CancellationToken.None);
            await group.Transaction.ReleaseAsync(Savepoint, CancellationToken.None);
        }
        catch (Exception failure)
        {
            await EndGroupAsync(failure);
            _lock.Release();
            return;
        }
        await HandOnOrCommitAsync(group);
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _queued);
        bool entered;
        try
        {
            entered = await _lock.WaitAsync(factory.BusyTimeout, cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _queued);
        }
        if (!entered)
        {
            throw new SqliteException("database is locked: another change held it longer than the busy timeout", 5);
        }
    }

    /// <summary>Called by the lock's holder when its command is done: commit when no one is queued, else hand on.</summary>
    private async Task HandOnOrCommitAsync(Group group)
    {
        try
        {
            if (Volatile.Read(ref _queued) == 0 || group.Members >= MaxGroup)
            {
                await EndGroupAsync(null);
            }
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>
    /// Waits for the group's commit. A queued command that gave up (cancelled, timed out) before taking the lock would
    /// leave the group open with no one to commit it: a waiting member that finds the lock free commits the group itself.
    /// </summary>
    private async Task WaitForCommitAsync(Group group)
    {
        while (!group.Committed.Task.IsCompleted)
        {
            var done = await Task.WhenAny(group.Committed.Task, Task.Delay(TimeSpan.FromMilliseconds(50)));
            if (done == group.Committed.Task || !_lock.Wait(0)) continue;
            try
            {
                if (ReferenceEquals(_group, group)) await EndGroupAsync(null);
            }
            finally
            {
                _lock.Release();
            }
        }
        await group.Committed.Task;
    }

    /// <summary>Commits the open group (no failure) or rolls it back (a failure every member then sees), and closes it.</summary>
    private async Task EndGroupAsync(Exception? failure)
    {
        if (_group is not { } group) return;
        _group = null;
        try
        {
            if (failure is null)
            {
                await group.Transaction.CommitAsync(CancellationToken.None);
                Interlocked.Increment(ref _commits);
                Interlocked.Add(ref _commands, group.Members);
                group.Committed.TrySetResult();
            }
            else
            {
                await group.Transaction.RollbackAsync(CancellationToken.None);
            }
        }
        catch (Exception commitFailure)
        {
            failure ??= commitFailure;
        }
        finally
        {
            if (failure is not null) group.Committed.TrySetException(failure);
            // Observed here so an unawaited failure of a group nobody waits on is not reported as unobserved.
            _ = group.Committed.Task.Exception;
            await group.Transaction.DisposeAsync();
            await group.Connection.DisposeAsync();
        }
    }
}
