using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Kaizen;

public sealed record GetKaizenCaseQuery(long Id) : IQuery<KaizenCase>
{
    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Read(RecordKind.Kaizen, Id)];
}

public sealed class GetKaizenCaseHandler(DbSession db, RecordLifecycle records) : IRequestHandler<GetKaizenCaseQuery, KaizenCase>
{
    public Task<KaizenCase> Handle(GetKaizenCaseQuery query, CancellationToken cancellationToken) => KaizenStore.GetAsync(db, records, query.Id, cancellationToken);
}
