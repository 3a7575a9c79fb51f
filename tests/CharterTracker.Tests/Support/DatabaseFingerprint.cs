using Dapper;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Tests.Support;

/// <summary>
/// A cheap picture of everything stored: per table its row count, highest rowid and (where it has one) the sum of
/// its record versions, so an insert, a delete or an edit shows. The audit log is counted apart: a command that fails
/// leaves a Rejected or Failed row by design (Pipeline/TransactionAndAuditBehavior), so only its Succeeded rows
/// belong to the picture, and the failure rows are counted by outcome.
/// </summary>
public sealed class DatabaseFingerprint : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _sql;

    public DatabaseFingerprint(TestApp app)
    {
        _connection = new SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        _connection.Open();
        var tables = _connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'AuditLog' ORDER BY name").ToList();
        var parts = tables.Select(table =>
        {
            var hasVersion = _connection.Query<string>($"SELECT name FROM pragma_table_info('{table}')").Contains("Version");
            return $"SELECT '{table}' AS Name, COUNT(*) AS Rows, COALESCE(MAX(rowid), 0) AS MaxId, {(hasVersion ? "COALESCE(SUM(Version), 0)" : "0")} AS Versions FROM \"{table}\"";
        }).Append("SELECT 'AuditLog:' || Outcome, COUNT(*), COALESCE(MAX(Id), 0), 0 FROM AuditLog GROUP BY Outcome");
        _sql = string.Join("\nUNION ALL\n", parts);
    }

    /// <summary>Table → (rows, highest rowid, sum of versions); the audit log as "AuditLog:Outcome".</summary>
    public Dictionary<string, (long Rows, long MaxId, long Versions)> Take() =>
        _connection.Query<(string Name, long Rows, long MaxId, long Versions)>(_sql).ToDictionary(r => r.Name, r => (r.Rows, r.MaxId, r.Versions));

    /// <summary>What changed between two pictures, apart from Rejected audit rows; empty when nothing else did.</summary>
    public static List<string> Changes(Dictionary<string, (long Rows, long MaxId, long Versions)> before, Dictionary<string, (long Rows, long MaxId, long Versions)> after) =>
        before.Keys.Union(after.Keys)
            // A refused sign-in is counted towards the lock-out by design (Access/SignInThrottle), like its Rejected audit row.
            .Where(name => name != "AuditLog:Rejected" && name != "SignInFailures")
            .Where(name => before.GetValueOrDefault(name) != after.GetValueOrDefault(name))
            .Select(name => $"{name} {before.GetValueOrDefault(name)} → {after.GetValueOrDefault(name)}")
            .ToList();

    public void Dispose() => _connection.Dispose();
}
