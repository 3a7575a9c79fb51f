using CharterTracker.Data;
using CharterTracker.Tests.Support;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Tests.Data;

/// <summary>
/// SQLite writers queued behind one another share a commit (<see cref="SqliteGroupCommit"/>): what a user would notice
/// is that every acknowledged write is there, a failed one is not, and no write is acknowledged before it is durable.
/// </summary>
public sealed class GroupCommitTests
{
    private string _directory = null!;
    private string _file = null!;
    private DbConnectionFactory _factory = null!;

    [SetUp]
    public async Task CreateDatabase()
    {
        _directory = Directory.CreateDirectory(Path.Combine(TestDatabase.Root, "group-" + Guid.NewGuid().ToString("N"))).FullName;
        _file = Path.Combine(_directory, "group.db");
        _factory = new DbConnectionFactory(Dialect.Sqlite, $"Data Source={_file}");
        await using var db = new DbSession(_factory);
        await db.ExecuteAsync("CREATE TABLE Notes (Id INTEGER PRIMARY KEY, Text TEXT NOT NULL UNIQUE)");
    }

    [TearDown]
    public void DropDatabase()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    /// <summary>What another process sees: only committed rows.</summary>
    private long CommittedRows(string where = "1 = 1")
    {
        using var connection = new SqliteConnection($"Data Source={_file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM Notes WHERE {where}";
        return (long)command.ExecuteScalar()!;
    }

    private async Task UntilQueuedAsync(int commands)
    {
        for (var i = 0; i < 500 && _factory.Writes.Queued < commands; i++) await Task.Delay(10);
        Assert.That(_factory.Writes.Queued, Is.EqualTo(commands), "the writers queued behind the first");
    }

    [Test]
    public async Task Writers_queued_behind_one_share_its_commit_and_every_write_lands()
    {
        await using var first = new DbSession(_factory);
        await first.BeginAsync(CancellationToken.None);
        await first.ExecuteAsync("INSERT INTO Notes (Text) VALUES ('first')");

        var queued = Enumerable.Range(1, 15).Select(i => Task.Run(async () =>
        {
            await using var db = new DbSession(_factory);
            await db.BeginAsync(CancellationToken.None);
            await db.ExecuteAsync("INSERT INTO Notes (Text) VALUES (@text)", new { text = $"note {i}" });
            await db.CommitAsync(CancellationToken.None);
        })).ToList();
        await UntilQueuedAsync(15);
        await first.CommitAsync(CancellationToken.None);
        await Task.WhenAll(queued);

        Assert.Multiple(() =>
        {
            Assert.That(CommittedRows(), Is.EqualTo(16));
            Assert.That(_factory.Writes.Totals, Is.EqualTo((1L, 16L)), "one commit made all sixteen durable");
        });
    }

    [Test]
    public async Task A_failed_write_in_a_group_is_rolled_back_alone()
    {
        await using var first = new DbSession(_factory);
        await first.BeginAsync(CancellationToken.None);
        await first.ExecuteAsync("INSERT INTO Notes (Text) VALUES ('taken')");

        var failing = Task.Run(async () =>
        {
            await using var db = new DbSession(_factory);
            await db.BeginAsync(CancellationToken.None);
            try
            {
                await db.ExecuteAsync("INSERT INTO Notes (Text) VALUES ('half of a failed command')");
                await db.ExecuteAsync("INSERT INTO Notes (Text) VALUES ('taken')"); // breaks the UNIQUE rule
                await db.CommitAsync(CancellationToken.None);
                return false;
            }
            catch (SqliteException)
            {
                await db.RollbackAsync();
                return true;
            }
        });
        await UntilQueuedAsync(1);
        var later = Task.Run(async () =>
        {
            await using var db = new DbSession(_factory);
            await db.BeginAsync(CancellationToken.None);
            await db.ExecuteAsync("INSERT INTO Notes (Text) VALUES ('after the failure')");
            await db.CommitAsync(CancellationToken.None);
        });
        await UntilQueuedAsync(2);
        await first.CommitAsync(CancellationToken.None);

        Assert.That(await failing, Is.True, "the second command failed on the UNIQUE rule");
        await later;
        Assert.Multiple(() =>
        {
            Assert.That(CommittedRows("Text IN ('taken', 'after the failure')"), Is.EqualTo(2), "the group's other writes landed");
            Assert.That(CommittedRows("Text = 'half of a failed command'"), Is.Zero, "nothing of the failed command");
        });
    }

    [Test]
    public async Task A_write_is_acknowledged_only_once_it_is_committed()
    {
        await using var first = new DbSession(_factory);
        await first.BeginAsync(CancellationToken.None);
        await first.ExecuteAsync("INSERT INTO Notes (Text) VALUES ('first')");

        // The second writer queues; the first then finishes and hands the open transaction on.
        var second = new DbSession(_factory);
        var secondBegun = second.BeginAsync(CancellationToken.None);
        await UntilQueuedAsync(1);
        var firstCommit = first.CommitAsync(CancellationToken.None);
        await secondBegun;
        await second.ExecuteAsync("INSERT INTO Notes (Text) VALUES ('second')");
        await Task.Delay(200);

        Assert.Multiple(() =>
        {
            Assert.That(firstCommit.IsCompleted, Is.False, "the first write is not acknowledged while its commit waits for the second");
            Assert.That(CommittedRows(), Is.Zero, "and it is not yet visible to anyone else");
        });

        await second.CommitAsync(CancellationToken.None);
        await firstCommit;
        await second.DisposeAsync();
        Assert.That(CommittedRows(), Is.EqualTo(2));
    }

    [Test]
    public async Task A_queued_writer_that_gives_up_does_not_leave_the_group_uncommitted()
    {
        await using var first = new DbSession(_factory);
        await first.BeginAsync(CancellationToken.None);
        await first.ExecuteAsync("INSERT INTO Notes (Text) VALUES ('first')");

        using var cancel = new CancellationTokenSource();
        var giving = Task.Run(async () =>
        {
            await using var db = new DbSession(_factory);
            await db.BeginAsync(cancel.Token);
        });
        await UntilQueuedAsync(1);
        await cancel.CancelAsync();
        Assert.That(async () => await giving, Throws.InstanceOf<OperationCanceledException>());
        await UntilQueuedAsync(0);

        // No one is queued behind the first any more: it commits its own write.
        var firstCommit = first.CommitAsync(CancellationToken.None);
        await firstCommit.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.That(CommittedRows(), Is.EqualTo(1));
    }
}
