using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.CharterUpdates;

public sealed record GetCharterUpdateQuery(long Id) : IQuery<CharterUpdate>
{
    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Read(RecordKind.CharterUpdate, Id)];
}

public sealed class GetCharterUpdateHandler(DbSession db, RecordLifecycle records) : IRequestHandler<GetCharterUpdateQuery, CharterUpdate>
{
    public Task<CharterUpdate> Handle(GetCharterUpdateQuery query, CancellationToken cancellationToken) =>
        CharterUpdateStore.GetAsync(db, records, query.Id, cancellationToken);
}
