using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Meetings;

public sealed record GetMeetingQuery(long Id) : IQuery<Meeting>
{
    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Read(RecordKind.Meeting, Id)];
}

public sealed class GetMeetingHandler(MeetingStore meetings) : IRequestHandler<GetMeetingQuery, Meeting>
{
    public Task<Meeting> Handle(GetMeetingQuery query, CancellationToken cancellationToken) => meetings.GetAsync(query.Id, cancellationToken);
}
