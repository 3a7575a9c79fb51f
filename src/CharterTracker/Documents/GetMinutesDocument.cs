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
        // The English minutes name the issuing branch in English when it is one of the office's own branches (typed as its
        // Bengali name, as the seed's "সিপি-৩ শাখা"); anything else typed stays as typed.
        var issuingUnit = meeting.IssuingUnit;
        if (!text.Bengali && issuingUnit is not null)
        {
            var path = await db.QuerySingleOrDefaultAsync<string>("SELECT Path FROM Offices WHERE Id = @OfficeId", meeting, cancellationToken);
            issuingUnit = await db.QuerySingleOrDefaultAsync<string>(
                "SELECT MIN(NameEn) FROM Offices WHERE NameBn = @IssuingUnit AND Path LIKE @Subtree",
                new { IssuingUnit = issuingUnit, Subtree = path + "%" }, cancellationToken) ?? issuingUnit;
        }
        return new MinutesDocument
        {
            Text = text,
            Meeting = meeting with { MemoNumber = meeting.MemoNumber is null ? null : text.Digits(meeting.MemoNumber), IssuingUnit = issuingUnit },
            Ministry = await mediator.Send(new GetMinistryOfQuery(meeting.OfficeId, text.Language), cancellationToken),
            OfficeName = text.Bengali ? office.NameBn : office.NameEn,
            Present = meeting.Attendees.Where(a => a.Attended).ToList(),
        };
    }
}
