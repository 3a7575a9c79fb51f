using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>Whether a meeting's minutes are on the office's public page.</summary>
public sealed record GetMinutesPublicationQuery(long MeetingId) : IQuery<MinutesPublication>
{
    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Read(RecordKind.Meeting, MeetingId)];
}

public sealed class GetMinutesPublicationHandler(DbSession db) : IRequestHandler<GetMinutesPublicationQuery, MinutesPublication>
{
    public Task<MinutesPublication> Handle(GetMinutesPublicationQuery query, CancellationToken cancellationToken) =>
        MinutesPublicationOf.ReadAsync(db, query.MeetingId, cancellationToken);
}
