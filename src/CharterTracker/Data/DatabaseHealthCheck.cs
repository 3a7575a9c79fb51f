using Dapper;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CharterTracker.Data;

/// <summary>Ready means the database answers and is migrated.</summary>
public sealed class DatabaseHealthCheck(DbConnectionFactory factory) : IHealthCheck
{
    /// <summary>Portable; the T-SQL check parses it.</summary>
    internal const string Sql = "SELECT COUNT(*) FROM SchemaMigrations";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var connection = await factory.OpenAsync(cancellationToken);
            var applied = await connection.ExecuteScalarAsync<long>(Sql);
            return HealthCheckResult.Healthy($"{factory.Dialect}, {applied} migrations applied");
        }
        catch (Exception exception)
        {
            return HealthCheckResult.Unhealthy($"{factory.Dialect} database unavailable", exception);
        }
    }
}
