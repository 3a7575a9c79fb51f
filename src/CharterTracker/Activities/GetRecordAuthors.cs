using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Activities;

/// <summary>
/// The display names of the people who recorded and changed a record, by username, for its history page: a reader
/// sees "মো: আনিছুর রহমান", not a login name. The system user (jobs, the demo's back-filled records) is not a row.
/// </summary>
public sealed record GetRecordAuthorsQuery(RecordKind Kind, long Id) : IQuery<IReadOnlyDictionary<string, string>>
{
    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Read(Kind, Id)];
}

public sealed class GetRecordAuthorsHandler(DbSession db) : IRequestHandler<GetRecordAuthorsQuery, IReadOnlyDictionary<string, string>>
{
    public async Task<IReadOnlyDictionary<string, string>> Handle(GetRecordAuthorsQuery query, CancellationToken cancellationToken)
    {
        var names = await db.QueryAsync<(string Username, string DisplayName)>(
            $"""
            SELECT u.Username, u.DisplayName FROM Users u
            WHERE u.Username IN (SELECT CreatedBy FROM {RecordTables.Of(query.Kind)} WHERE Id = @Id)
               OR u.Username IN (SELECT ChangedBy FROM RecordHistory WHERE RecordKind = @Kind AND RecordId = @Id)
            """,
            new { Kind = query.Kind.ToString(), query.Id }, cancellationToken);
        return names.ToDictionary(n => n.Username, n => n.DisplayName, StringComparer.Ordinal);
    }
}
