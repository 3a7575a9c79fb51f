using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Meetings;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>Builds the minutes of a recorded meeting for printing, in Bengali (default) or English.</summary>
public sealed record GetMinutesDocumentQuery(long MeetingId, string? Language) : IQuery<MinutesDocument>
{
    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Read(RecordKind.Meeting, MeetingId)];
}

public sealed class GetMinutesDocumentHandler(MeetingStore meetings, IMediator mediator, DbSession db) : IRequestHandler<GetMinutesDocumentQuery, MinutesDocument>
{
    public async Task<MinutesDocument> Handle(GetMinutesDocumentQuery query, CancellationToken cancellationToken)
    {
        var text = DocumentText.For(query.Language);
        var meeting = await meetings.GetAsync(query.MeetingId, cancellationToken);
        var office = await db.QuerySingleOrDefaultAsync<(string NameBn, string NameEn)>(
            "SELECT NameBn, NameEn FROM Offices WHERE Id = @OfficeId", meeting, cancellationToken);
        return new MinutesDocument
        {
            Text = text,
            Meeting = meeting with { MemoNumber = meeting.MemoNumber is null ? null : text.Digits(meeting.MemoNumber) },
            Ministry = await mediator.Send(new GetMinistryOfQuery(meeting.OfficeId, text.Language), cancellationToken),
            OfficeName = text.Bengali ? office.NameBn : office.NameEn,
            Present = meeting.Attendees.Where(a => a.Attended).ToList(),
        };
    }
}
