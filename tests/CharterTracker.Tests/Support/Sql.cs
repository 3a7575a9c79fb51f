using Dapper;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Tests.Support;

/// <summary>Reads the app's database file directly, to prove what was (not) written.</summary>
public static class Sql
{
    public static long Count(TestApp app, string table, string where = "1 = 1", object? parameters = null)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        return connection.ExecuteScalar<long>($"SELECT COUNT(*) FROM {table} WHERE {where}", parameters);
    }

    public static IReadOnlyList<T> Query<T>(TestApp app, string sql, object? parameters = null)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        return connection.Query<T>(sql, parameters).AsList();
    }

    /// <summary>Changes the file behind the app's back: only to set up what an older version would have left there.</summary>
    public static int Execute(TestApp app, string sql, object? parameters = null)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Pooling=False");
        return connection.Execute(sql, parameters);
    }

    /// <summary>
    /// Every row of every table but the audit log, as text: the same before and after a request that wrote nothing
    /// (a rejected request leaves only its audit row).
    /// </summary>
    public static string Snapshot(TestApp app)
    {
        using var connection = new SqliteConnection($"Data Source={app.DatabaseFile};Mode=ReadOnly;Pooling=False");
        var text = new System.Text.StringBuilder();
        foreach (var table in connection.Query<string>("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT IN ('AuditLog') AND name NOT LIKE 'sqlite_%' ORDER BY name"))
        {
            text.Append('[').Append(table).Append("]\n");
            var rows = connection.Query($"SELECT * FROM \"{table}\"").Cast<IDictionary<string, object?>>()
                .Select(row => string.Join('|', row.Values.Select(value => value?.ToString() ?? "∅")));
            foreach (var row in rows.Order(StringComparer.Ordinal)) text.Append(row).Append('\n');
        }
        return text.ToString();
    }
}
