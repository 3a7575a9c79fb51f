using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Meetings;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>Everything the minutes print, already in the document's language and digits.</summary>
public sealed record MinutesDocument
{
    public required DocumentText Text { get; init; }
    public required Meeting Meeting { get; init; }

    /// <summary>The ministry or division the meeting's office belongs to (the office itself when it is one).</summary>
    public required string Ministry { get; init; }
    public required string OfficeName { get; init; }
    public required IReadOnlyList<Attendee> Present { get; init; }

    /// <summary>What identifies the data the document came from: the meeting and its version.</summary>
    public string SourceVersion => $"Meeting#{Meeting.Id}v{Meeting.Version}";
}

/// <summary>Builds the minutes of a recorded meeting for printing, in Bengali (default) or English.</summary>
public sealed record GetMinutesDocumentQuery(long MeetingId, string? Language) : IQuery<MinutesDocument>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.ReadRecord(RecordKind.Meeting, MeetingId)];
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
            Ministry = await mediator.Send(new MinistryOfQuery(meeting.OfficeId, text.Language), cancellationToken),
            OfficeName = text.Bengali ? office.NameBn : office.NameEn,
            Present = meeting.Attendees.Where(a => a.Attended).ToList(),
        };
    }
}
