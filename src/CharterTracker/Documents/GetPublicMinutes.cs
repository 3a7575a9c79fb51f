using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Meetings;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>
/// The minutes of a meeting its focal point marked for publication, for anyone: the same document as the signed-in
/// preview. Minutes not marked, withdrawn, or of an office not open today: 404 (as if there were none).
/// </summary>
public sealed record GetPublicMinutesQuery(long MeetingId, string? Language) : IQuery<MinutesDocument>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Anonymous];
}

public sealed class GetPublicMinutesHandler(DbSession db, MeetingStore meetings, FiscalCalendar calendar) : IRequestHandler<GetPublicMinutesQuery, MinutesDocument>
{
    public async Task<MinutesDocument> Handle(GetPublicMinutesQuery query, CancellationToken cancellationToken)
    {
        var today = calendar.Today;
        var published = await db.ExecuteScalarAsync<long>(
            """
            SELECT COUNT(*) FROM PublishedMinutes p
            JOIN Meetings m ON m.Id = p.MeetingId
            JOIN Offices o ON o.Id = p.OfficeId
            WHERE p.MeetingId = @MeetingId AND m.WithdrawnAtUtc IS NULL AND o.ActiveFrom <= @today AND (o.ActiveUntil IS NULL OR o.ActiveUntil > @today)
            """, new { query.MeetingId, today }, cancellationToken);
        if (published == 0) throw new NotFoundException($"No published minutes have the id {query.MeetingId}.");

        var text = DocumentText.For(query.Language);
        var meeting = await meetings.GetAsync(query.MeetingId, cancellationToken);
        var office = await db.QuerySingleOrDefaultAsync<(string NameBn, string NameEn)>("SELECT NameBn, NameEn FROM Offices WHERE Id = @OfficeId", meeting, cancellationToken);
        return new MinutesDocument
        {
            Text = text,
            Meeting = meeting with { MemoNumber = meeting.MemoNumber is null ? null : text.Digits(meeting.MemoNumber) },
            // The handler itself: an anonymous reader passes no office check, and these minutes are public.
            Ministry = await new GetMinistryOfHandler(db).Handle(new GetMinistryOfQuery(meeting.OfficeId, text.Language), cancellationToken),
            OfficeName = text.Bengali ? office.NameBn : office.NameEn,
            Present = meeting.Attendees.Where(a => a.Attended).ToList(),
        };
    }
}
