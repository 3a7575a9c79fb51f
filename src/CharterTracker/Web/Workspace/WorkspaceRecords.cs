using CharterTracker.Activities;
using CharterTracker.CharterUpdates;
using CharterTracker.Evidence;
using CharterTracker.Meetings;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using CharterTracker.Reports;
using CharterTracker.Trainings;

namespace CharterTracker.Web;

/// <summary>
/// The records of a period as the workspace lists them, and the routes that edit, withdraw and show the history of
/// each kind of record (the same four kinds everywhere: charter updates, meetings, trainings, reports).
/// </summary>
internal static class WorkspaceRecords
{
    public static string Slug(RecordKind kind) => kind switch
    {
        RecordKind.CharterUpdate => "charter-updates",
        RecordKind.Meeting => "meetings",
        RecordKind.Training => "trainings",
        RecordKind.Kaizen => "kaizen",
        RecordKind.QualityValue => "quality-values",
        _ => "reports",
    };

    public static string SavedKey(RecordKind kind) => kind switch
    {
        RecordKind.CharterUpdate => "charter-update",
        RecordKind.Meeting => "meeting",
        RecordKind.Training => "training",
        RecordKind.Kaizen => "kaizen",
        RecordKind.QualityValue => "quality-value",
        _ => "report",
    };

    public static string EditUrl(RecordKind kind, long id) => $"/workspace/{Slug(kind)}/{WorkspacePages.Iso(id)}/edit";

    public static string HistoryUrl(RecordKind kind, long id) => $"/workspace/{Slug(kind)}/{WorkspacePages.Iso(id)}/history";

    public static string WithdrawUrl(RecordKind kind, long id) => $"/workspace/{Slug(kind)}/{WorkspacePages.Iso(id)}/withdraw";

    /// <summary>A record read through its kind's own query (so its access check), with what every kind shares.</summary>
    public sealed record Loaded(RecordMetadata Record, long Id, long OfficeId, string FiscalYear, int? Quarter, string What, object Shown);

    public static async Task<Loaded> LoadAsync(PageRequest web, RecordKind kind, long id)
    {
        var (mediator, ct, text) = (web.Mediator, web.Aborted, web.Text);
        switch (kind)
        {
            case RecordKind.CharterUpdate:
                var update = await mediator.Send(new GetCharterUpdateQuery(id), ct);
                return new Loaded(update, id, update.OfficeId, update.FiscalYear, update.Quarter, CharterUpdateWhat(text, update), update);
            case RecordKind.Meeting:
                var meeting = await mediator.Send(new GetMeetingQuery(id), ct);
                // The history keeps a meeting without the follow-ups carried from earlier meetings; compare like with like.
                return new Loaded(meeting, id, meeting.OfficeId, meeting.FiscalYear, meeting.Quarter, MeetingWhat(text, meeting.Kind, meeting.Title), meeting with { CarriedForward = [] });
            case RecordKind.Training:
                var training = await mediator.Send(new GetTrainingQuery(id), ct);
                return new Loaded(training, id, training.OfficeId, training.FiscalYear, training.Quarter, TrainingWhat(text, training.Kind, training.Title), training);
            case RecordKind.Kaizen:
                var kaizen = await mediator.Send(new Kaizen.GetKaizenCaseQuery(id), ct);
                return new Loaded(kaizen, id, kaizen.OfficeId, kaizen.FiscalYear, null, kaizen.Title, kaizen);
            case RecordKind.QualityValue:
                var value = await mediator.Send(new QualitySystems.GetQualityValueQuery(id), ct);
                var indicator = await mediator.Send(new QualitySystems.GetQualityIndicatorQuery(value.IndicatorId), ct);
                return new Loaded(value, id, value.OfficeId, value.FiscalYear, value.Quarter, $"{indicator.Code} {(text.Bengali ? indicator.NameBn : indicator.NameEn)}", value);
            default:
                var report = await mediator.Send(new GetReportQuery(id), ct);
                return new Loaded(report, id, report.OfficeId, report.FiscalYear, report.Quarter, ReportWhat(text, report.Kind, report.Quarter), report);
        }
    }

    private static string CharterUpdateWhat(WebText text, CharterUpdate update) =>
        text.RecordKindName(RecordKind.CharterUpdate) + (update.PortalReference is { } reference ? $" ({reference})" : "");

    private static string MeetingWhat(WebText text, MeetingKind kind, string? title) => title is { Length: > 0 } ? title : text.MeetingKindName(kind);

    private static string TrainingWhat(WebText text, TrainingKind kind, string title) => $"{text.TrainingKindName(kind)}: {title}";

    private static string ReportWhat(WebText text, ReportKind kind, int? quarter) =>
        text.ReportKindName(kind) + (quarter is { } q ? $" ({text.QuarterName(q)})" : "");

    /// <summary>
    /// The office's records that count for the quarter: its charter updates, meetings and quarterly reports of the
    /// quarter, and the year's trainings and annual report (annual items), newest first; withdrawn ones are marked.
    /// </summary>
    public static async Task<IReadOnlyList<WorkspaceRecord>> OfPeriodAsync(PageRequest web, Office office, string year, int quarter)
    {
        var (mediator, ct, text) = (web.Mediator, web.Aborted, web.Text);
        var files = (await mediator.Send(new ListRecordEvidenceQuery(office.Id, year), ct)).ToLookup(f => (f.RecordKind, f.RecordId));
        var records = new List<(WorkspaceRecord Record, DateTime Created)>();

        void Add(RecordKind kind, long id, string what, DateOnly date, RecordMetadata kept) =>
            records.Add((new WorkspaceRecord(kind, id, what, date, kept.RecordedOn, kept.HasEvidence, files[(kind, id)].ToList(), kept.Withdrawn, kept.WithdrawnReason,
                HistoryUrl(kind, id))
            {
                EditUrl = kept.Withdrawn || !WorkspacePages.CanWrite(web) ? null : EditUrl(kind, id),
                WithdrawUrl = kept.Withdrawn || !WorkspacePages.CanWrite(web) ? null : WithdrawUrl(kind, id),
                Documents = kind == RecordKind.Meeting
                    ? new[] { "bn", "en" }.SelectMany(language => new[]
                    {
                        new DocumentLink(text.MinutesPreview(language), $"/api/v1/meetings/{WorkspacePages.Iso(id)}/minutes.html?lang={language}", language),
                        new DocumentLink(text.MinutesPdf(language), $"/api/v1/meetings/{WorkspacePages.Iso(id)}/minutes.pdf?lang={language}", language),
                    }).Append(new DocumentLink(SpotCheckText.Of(text).MinutesPublication, $"/workspace/meetings/{WorkspacePages.Iso(id)}/publication", text.Language)).ToList()
                    : [],
            }, kept.CreatedAtUtc));

        foreach (var update in (await mediator.Send(new ListCharterUpdatesQuery(office.Id, year), ct)).Where(u => u.Quarter == quarter))
        {
            Add(RecordKind.CharterUpdate, update.Id, CharterUpdateWhat(text, update), update.UpdatedOn, update);
        }
        foreach (var meeting in (await mediator.Send(new ListMeetingsQuery(office.Id, year), ct)).Where(m => m.Quarter == quarter))
        {
            Add(RecordKind.Meeting, meeting.Id, MeetingWhat(text, meeting.Kind, meeting.Title), meeting.HeldOn, new MeetingKept(meeting));
        }
        foreach (var training in await mediator.Send(new ListTrainingsQuery(office.Id, year), ct))
        {
            Add(RecordKind.Training, training.Id, TrainingWhat(text, training.Kind, training.Title), training.HeldOn, training);
        }
        foreach (var report in (await mediator.Send(new ListReportsQuery(office.Id, year), ct)).Where(r => r.Quarter is null || r.Quarter == quarter))
        {
            Add(RecordKind.Report, report.Id, ReportWhat(text, report.Kind, report.Quarter), report.SubmittedOn, report);
        }
        return records.OrderByDescending(r => r.Record.Date).ThenByDescending(r => r.Created).Select(r => r.Record).ToList();
    }

    /// <summary>A meeting's list row read as the fields every record shares.</summary>
    private sealed record MeetingKept : RecordMetadata
    {
        public MeetingKept(MeetingSummary meeting)
        {
            HasEvidence = meeting.HasEvidence;
            RecordedOn = meeting.RecordedOn;
            Withdrawn = meeting.Withdrawn;
        }
    }

    /// <summary>The open follow-ups of the office's meetings and those it owns; the owner reports one done from here.</summary>
    public static async Task<IReadOnlyList<WorkspaceFollowUp>> FollowUpsAsync(PageRequest web, Office office, string year, int quarter)
    {
        var followUps = await web.Mediator.Send(new ListFollowUpsQuery(office.Id), web.Aborted);
        if (followUps.Count == 0) return [];
        var names = new Dictionary<long, string> { [office.Id] = web.Name(office) };
        foreach (var child in await web.Mediator.Send(new ListOfficeChildrenQuery(office.Id), web.Aborted)) names[child.Id] = web.Name(child);
        var result = new List<WorkspaceFollowUp>();
        foreach (var followUp in followUps)
        {
            var owner = names.TryGetValue(followUp.OwnerOfficeId, out var name) ? name : await OfficeNameAsync(web, followUp.OwnerOfficeId);
            var complete = followUp.OwnerOfficeId == office.Id && WorkspacePages.CanWrite(web)
                ? PageRequest.Url($"/workspace/follow-ups/{WorkspacePages.Iso(followUp.Id)}/complete", office.Id, year, quarter)
                : null;
            result.Add(new WorkspaceFollowUp(followUp, owner, complete));
        }
        return result;
    }

    /// <summary>An office's name, or its number where the user may not read it (a follow-up owned outside the subtree).</summary>
    public static async Task<string> OfficeNameAsync(PageRequest web, long officeId)
    {
        try
        {
            return web.Name(await web.Mediator.Send(new GetOfficeQuery(officeId), web.Aborted));
        }
        catch (ForbiddenException)
        {
            return "#" + web.Text.Digits(WorkspacePages.Iso(officeId));
        }
    }
}
