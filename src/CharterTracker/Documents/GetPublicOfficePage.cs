using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Charters;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>
/// What an office's public page shows to anyone, signed in or not: its latest published charter and the minutes its
/// focal point marked for publication — nothing else (no other records, no user names, no tree beyond the ministry's
/// name). An unknown code, an office not open today, or one with neither a charter nor published minutes: 404.
/// </summary>
public sealed record GetPublicOfficePageQuery(string Code, string? Language) : IQuery<PublicOfficePage>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Anonymous];
}

public sealed record PublicOfficePage
{
    public required DocumentText Text { get; init; }
    public required string Code { get; init; }
    public required string OfficeName { get; init; }
    public required string Ministry { get; init; }

    /// <summary>Null while the office has published no charter.</summary>
    public CharterDocument? Charter { get; init; }
    public required IReadOnlyList<PublicMinutes> Minutes { get; init; }
}

public sealed record PublicMinutes
{
    public long MeetingId { get; init; }
    public string? Title { get; init; }
    public DateOnly HeldOn { get; init; }
}

public sealed class GetPublicOfficePageHandler(DbSession db, CharterStore charters, FiscalCalendar calendar) : IRequestHandler<GetPublicOfficePageQuery, PublicOfficePage>
{
    private sealed class OfficeRow
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string NameBn { get; init; } = "";
        public string NameEn { get; init; } = "";
        public long? VersionId { get; init; }
    }

    public async Task<PublicOfficePage> Handle(GetPublicOfficePageQuery query, CancellationToken cancellationToken)
    {
        var text = DocumentText.For(query.Language);
        var today = calendar.Today;
        var office = await db.QuerySingleOrDefaultAsync<OfficeRow>(
            """
            SELECT o.Id, o.Code, o.NameBn, o.NameEn,
                   (SELECT v.Id FROM CharterVersions v WHERE v.OfficeId = o.Id AND v.Status = 'Published' AND v.PublishedOn <= @today
                    AND v.Version = (SELECT MAX(l.Version) FROM CharterVersions l WHERE l.OfficeId = o.Id AND l.Status = 'Published' AND l.PublishedOn <= @today)) AS VersionId
            FROM Offices o
            WHERE o.Code = @Code AND o.ActiveFrom <= @today AND (o.ActiveUntil IS NULL OR o.ActiveUntil > @today)
            """, new { query.Code, today }, cancellationToken)
            ?? throw new NotFoundException($"No open office has the code {query.Code}.");
        var minutes = await db.QueryAsync<PublicMinutes>(
            """
            SELECT m.Id AS MeetingId, m.Title, m.HeldOn
            FROM PublishedMinutes p JOIN Meetings m ON m.Id = p.MeetingId
            WHERE p.OfficeId = @Id AND m.WithdrawnAtUtc IS NULL
            ORDER BY m.HeldOn DESC, m.Id DESC
            """, new { office.Id }, cancellationToken);
        if (office.VersionId is null && minutes.Count == 0) throw new NotFoundException($"Office {query.Code} has published nothing yet.");

        // The ministry's name, as the charter's header prints it: the handler itself, since an anonymous reader passes no office check.
        var ministry = await new GetMinistryOfHandler(db).Handle(new GetMinistryOfQuery(office.Id, text.Language), cancellationToken);
        var charter = office.VersionId is { } versionId
            ? CharterReader.ToDocument(await charters.LoadAsync(versionId, cancellationToken), (office.NameBn, office.NameEn), text, ministry)
            : null;
        return new PublicOfficePage
        {
            Text = text, Code = office.Code, OfficeName = text.Bengali ? office.NameBn : office.NameEn, Ministry = ministry, Charter = charter,
            Minutes = minutes,
        };
    }
}
