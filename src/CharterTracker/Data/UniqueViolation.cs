using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Data;

/// <summary>A unique or primary key refused a row: in the jobs and the sign-in counters, the sign that another node did the same work first.</summary>
public static class UniqueViolation
{
    public static bool Is(Exception error) => error switch
    {
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => true,
        SqlException { Number: 2627 or 2601 } => true,
        _ => false,
    };
}
