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
}
