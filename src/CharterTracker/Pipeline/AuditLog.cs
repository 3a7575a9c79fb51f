using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using CharterTracker.Access;
using CharterTracker.Data;

namespace CharterTracker.Pipeline;

public enum AuditOutcome
{
    Succeeded,
    Rejected,
    Failed,
}

/// <summary>Who did what to which office, with what outcome. <see cref="Payload"/> is the command as JSON, secrets redacted.</summary>
public sealed record AuditEntry(
    long? UserId,
    string Username,
    string Action,
    long? OfficeId,
    string Payload)
{
    public AuditOutcome Outcome { get; init; }
    public long? EntityId { get; init; }
    public string? Detail { get; init; }

    public static AuditEntry For(IAccessControlled command, CurrentUser user)
    {
        var name = command.GetType().Name;
        var action = name.EndsWith("Command", StringComparison.Ordinal) ? name[..^"Command".Length] : name;
        var officeId = command.AccessDemands().Select(demand => demand.OfficeId).FirstOrDefault(id => id is not null);
        return new AuditEntry(user.UserId, user.Username, action, officeId,
            JsonSerializer.Serialize(command, command.GetType(), RedactingJson));
    }

    /// <summary>The API's JSON conventions, with every property whose name mentions a password written as "***".</summary>
    private static readonly JsonSerializerOptions RedactingJson = new(ApiJson.Options)
    {
        TypeInfoResolver = new DefaultJsonTypeInfoResolver
        {
            Modifiers =
            {
                info =>
                {
                    foreach (var property in info.Properties.Where(p =>
                                 p.PropertyType == typeof(string) && p.Name.Contains("password", StringComparison.OrdinalIgnoreCase)))
                    {
                        property.Get = _ => "***";
                    }
                },
            },
        },
    };
}

/// <summary>Writes audit rows; the transaction behaviour is its only caller for commands.</summary>
public sealed class AuditLog(TimeProvider clock)
{
    private const string InsertSql = """
        INSERT INTO AuditLog (OccurredAtUtc, UserId, Username, Action, OfficeId, EntityId, Outcome, Payload, Detail)
        VALUES (@OccurredAtUtc, @UserId, @Username, @Action, @OfficeId, @EntityId, @Outcome, @Payload, @Detail)
        """;

    /// <summary>An office import carries a whole CSV file; the audit keeps its start, the offices keep the rest.</summary>
    private const int MaxPayload = 64 * 1024;

    public Task WriteAsync(DbSession db, AuditEntry entry, CancellationToken cancellationToken) =>
        db.ExecuteAsync(InsertSql, new
        {
            OccurredAtUtc = clock.GetUtcNow().UtcDateTime,
            entry.UserId,
            entry.Username,
            entry.Action,
            entry.OfficeId,
            entry.EntityId,
            Outcome = entry.Outcome.ToString(),
            Payload = entry.Payload.Length > MaxPayload ? entry.Payload[..MaxPayload] + "…(truncated)" : entry.Payload,
            Detail = entry.Detail is { Length: > 2000 } detail ? detail[..2000] : entry.Detail,
        }, cancellationToken);
}
