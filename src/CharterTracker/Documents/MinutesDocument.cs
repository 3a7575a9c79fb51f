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

public sealed class GetMinutesDocumentHandler(MeetingStore meetings, DbSession db) : IRequestHandler<GetMinutesDocumentQuery, MinutesDocument>
{
    private sealed class OfficeLine
    {
        public long Id { get; init; }
        public long? ParentId { get; init; }
        public string Kind { get; init; } = "";
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
    }

    public async Task<MinutesDocument> Handle(GetMinutesDocumentQuery query, CancellationToken cancellationToken)
    {
        var text = DocumentText.For(query.Language);
        var meeting = await meetings.GetAsync(query.MeetingId, cancellationToken);
        var chain = new List<OfficeLine>();
        for (long? id = meeting.OfficeId; id is not null && chain.Count < 50;)
        {
            var office = await db.QuerySingleOrDefaultAsync<OfficeLine>("SELECT Id, ParentId, Kind, NameBn, NameEn FROM Offices WHERE Id = @id", new { id }, cancellationToken);
            if (office is null) break;
            chain.Add(office);
            id = office.ParentId;
        }
        string Name(OfficeLine office) => text.Bengali ? office.NameBn : office.NameEn;
        var ministry = chain.FirstOrDefault(o => o.Kind is "Ministry" or "Division") ?? chain.Last();
        return new MinutesDocument
        {
            Text = text,
            Meeting = meeting with { MemoNumber = meeting.MemoNumber is null ? null : text.Digits(meeting.MemoNumber) },
            Ministry = Name(ministry),
            OfficeName = Name(chain[0]),
            Present = meeting.Attendees.Where(a => a.Attended).ToList(),
        };
    }
}
