using System.Globalization;
using System.Text.Json;
using CharterTracker.Activities;
using CharterTracker.Meetings;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using CharterTracker.Reports;
using CharterTracker.Trainings;

namespace CharterTracker.Web;

/// <summary>What every kind of record offers on the workspace besides its form: its history, and withdrawing it.</summary>
internal static class RecordPages
{
    public static IEndpointRouteBuilder MapRecordPages(this IEndpointRouteBuilder app)
    {
        foreach (var kind in Enum.GetValues<RecordKind>())
        {
            var slug = WorkspaceRecords.Slug(kind);
            app.MapPage($"/workspace/{slug}/{{id:long}}/history", web => HistoryAsync(web, kind));
            app.MapPage($"/workspace/{slug}/{{id:long}}/withdraw", async web =>
            {
                var record = await WorkspaceRecords.LoadAsync(web, kind, WorkspacePages.RouteId(web));
                if (record.Record.Withdrawn) return await WorkspacePages.WithdrawnAsync(web);
                var form = WebForm.Blank(web, new Dictionary<string, string?> { ["version"] = record.Record.Version.ToString(CultureInfo.InvariantCulture) });
                return await WithdrawFormAsync(web, kind, record, form, StatusCodes.Status200OK);
            });
            app.MapPagePost($"/workspace/{slug}/{{id:long}}/withdraw", async web =>
            {
                var record = await WorkspaceRecords.LoadAsync(web, kind, WorkspacePages.RouteId(web));
                var form = await WebForm.ReadAsync(web);
                return await WorkspacePages.SaveAsync(web, form,
                    new WithdrawRecordCommand { Kind = kind, Id = record.Id, Version = form.Int("version"), Reason = form.Text("reason") },
                    _ => WorkspaceUrl(web, record) + "&saved=withdrawn",
                    (failed, status) => WithdrawFormAsync(web, kind, record, failed, status),
                    async () => (await WorkspaceRecords.LoadAsync(web, kind, record.Id)).Record.Version);
            });
        }
        return app;
    }

    /// <summary>The workspace of the record's office and period (an annual record: today's quarter when in its year).</summary>
    private static string WorkspaceUrl(PageRequest web, WorkspaceRecords.Loaded record)
    {
        var current = web.Calendar.CurrentQuarter;
        return PageRequest.Url("/workspace", record.OfficeId, record.FiscalYear, record.Quarter ?? (current.Year.Name == record.FiscalYear ? current.Number : 4));
    }

    private static async Task<IResult> WithdrawFormAsync(PageRequest web, RecordKind kind, WorkspaceRecords.Loaded record, WebForm form, int status)
    {
        var office = await web.Mediator.Send(new GetOfficeQuery(record.OfficeId), web.Aborted);
        var what = $"{web.Text.RecordKindName(kind)}: {record.What}";
        var model = new WithdrawFormModel(office, what, form, WorkspaceRecords.WithdrawUrl(kind, record.Id), WorkspaceUrl(web, record));
        var frame = web.Frame($"{web.Text.WithdrawTitle}: {web.Name(office)}", "workspace");
        return await web.RenderAsync<WithdrawRecordPage>(new() { ["Frame"] = frame, ["Model"] = model }, status);
    }

    /// <summary>
    /// Every version of the record, newest first: who made it and when, and what each field held, the fields that
    /// differ from the version before marked. The stored snapshots are the record as the API shows it; a withdrawal
    /// keeps the row as it stood, whose content the current record still shows (a withdrawn record is never edited).
    /// </summary>
    private static async Task<IResult> HistoryAsync(PageRequest web, RecordKind kind)
    {
        var record = await WorkspaceRecords.LoadAsync(web, kind, WorkspacePages.RouteId(web));
        var history = await web.Mediator.Send(new GetRecordHistoryQuery(kind, record.Id), web.Aborted);
        var authors = await web.Mediator.Send(new GetRecordAuthorsQuery(kind, record.Id), web.Aborted);
        var office = await web.Mediator.Send(new GetOfficeQuery(record.OfficeId), web.Aborted);
        var text = web.Text;
        var current = Flatten(JsonSerializer.SerializeToElement(record.Shown, record.Shown.GetType(), ApiJson.Options));

        var contents = new SortedDictionary<int, IReadOnlyDictionary<string, string>>();
        foreach (var version in history)
        {
            contents[version.Version] = version.Change == "Withdrawn" ? current : Flatten(JsonDocument.Parse(version.Snapshot).RootElement);
        }
        contents[record.Record.Version] = current;

        var names = new Dictionary<long, string>();
        var versions = new List<HistoryVersion>();
        IReadOnlyDictionary<string, string>? before = null;
        foreach (var (number, fields) in contents)
        {
            var change = history.LastOrDefault(h => h.Version == number - 1);
            var (login, when) = change is null
                ? (record.Record.CreatedBy, When(web, record.Record.CreatedAtUtc))
                : (change.ChangedBy, When(web, change.ChangedAtUtc));
            var who = login == Access.CurrentUser.SystemUsername ? text.TheSystem : authors.GetValueOrDefault(login, login);
            var shown = new List<HistoryField>();
            foreach (var (name, value) in fields)
            {
                shown.Add(new HistoryField(name, Label(text, kind, name), await ValueAsync(web, kind, name, value, names), before is not null && (!before.TryGetValue(name, out var old) || old != value)));
            }
            if (before is not null)
            {
                // A row that the version removed (an attendee taken off) is shown empty, marked changed.
                foreach (var (name, _) in before.Where(b => !fields.ContainsKey(b.Key)))
                {
                    shown.Add(new HistoryField(name, Label(text, kind, name), "—", true));
                }
            }
            // A back-filled record says the day it counts as recorded, and that it was entered later (the demo's 2024-25).
            var description = number > 1 ? text.ChangedBy(change?.Change ?? "Edited", who, when)
                : record.Record.BackFilled ? text.RecordedLaterBy(who, text.Date(record.Record.RecordedOn), when)
                : text.RecordedBy(who, when);
            versions.Add(new HistoryVersion(number, number == record.Record.Version, login, description,
                change?.Change == "Withdrawn" && record.Record.WithdrawnReason is { } reason ? text.WithdrawnBecause(reason) : null, shown));
            before = fields;
        }
        versions.Reverse();
        var model = new RecordHistoryModel(office, $"{text.RecordKindName(kind)}: {record.What}", versions, WorkspaceUrl(web, record));
        var frame = web.Frame(text.HistoryOf(record.What), "workspace");
        return await web.RenderAsync<RecordHistoryPage>(new() { ["Frame"] = frame, ["Model"] = model });
    }

    private static string When(PageRequest web, DateTime utc)
    {
        var local = TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), web.Calendar.Zone);
        return $"{web.Text.Date(DateOnly.FromDateTime(local))} {web.Text.TimeOfDay(TimeOnly.FromDateTime(local))}";
    }

    /// <summary>Fields that are bookkeeping, or that change without an edit (a follow-up's status as days pass): not compared.</summary>
    private static readonly HashSet<string> Bookkeeping = new(StringComparer.Ordinal)
    {
        "id", "officeId", "version", "recordedOn", "backFilled", "createdBy", "createdAtUtc", "updatedAtUtc", "withdrawn", "withdrawnReason", "withdrawnAtUtc",
        "evidenceIds", "meetingId", "meetingOfficeId", "meetingHeldOn", "agendaItem", "number", "status", "doneOn", "doneNote", "submittedToOfficeId",
    };

    /// <summary>The record as field paths (<c>chair.name</c>, <c>attendees[1].office</c>) and their values, in the record's order.</summary>
    private static IReadOnlyDictionary<string, string> Flatten(JsonElement root)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(JsonElement element, string path)
        {
            switch (element.ValueKind)
            {
                case JsonValueKind.Object:
                    foreach (var property in element.EnumerateObject())
                    {
                        if (!Bookkeeping.Contains(property.Name)) Walk(property.Value, path.Length == 0 ? property.Name : $"{path}.{property.Name}");
                    }
                    break;
                case JsonValueKind.Array:
                    var i = 0;
                    foreach (var item in element.EnumerateArray()) Walk(item, $"{path}[{i++}]");
                    break;
                case JsonValueKind.String:
                    fields[path] = element.GetString() ?? "";
                    break;
                case JsonValueKind.Null:
                case JsonValueKind.Undefined:
                    fields[path] = "";
                    break;
                default:
                    fields[path] = element.GetRawText();
                    break;
            }
        }
        Walk(root, "");
        return fields;
    }

    /// <summary>"agenda[0].followUps[1].dueOn" → "Agenda item 1 · Follow-up 2 · Due on".</summary>
    private static string Label(WebText text, RecordKind kind, string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[', StringComparison.Ordinal);
            var name = bracket < 0 ? segment : segment[..bracket];
            if (bracket >= 0 && int.TryParse(segment[(bracket + 1)..^1], NumberStyles.None, CultureInfo.InvariantCulture, out var index))
            {
                parts.Add(name switch
                {
                    "attendees" => text.AttendeeNumber(index + 1),
                    "agenda" => text.AgendaItemNumber(index + 1),
                    "followUps" => text.FollowUpNumber(index + 1),
                    "distribution" => $"{text.Distribution} {text.Number(index + 1)}",
                    "subDecisions" => $"{text.SubDecisions} {Meetings.MinutesLetters.Letter(index, text.Bengali)})",
                    "officesRepresented" => $"{text.OfficesRepresented} {text.Number(index + 1)}",
                    _ => $"{name} {index + 1}",
                });
                continue;
            }
            parts.Add(name switch
            {
                "chair" => text.Chair,
                "signatory" => text.Signatory,
                "fiscalYear" => text.FiscalYear,
                "quarter" => kind == RecordKind.Report ? text.ReportQuarter : text.Quarter,
                "updatedOn" => text.UpdatedOn,
                "portalReference" => text.PortalReference,
                "notes" => text.Notes,
                "hasEvidence" => text.Evidence,
                "kind" => kind switch { RecordKind.Meeting => text.MeetingKindLabel, RecordKind.Training => text.TrainingKindLabel, _ => text.ReportKindLabel },
                "title" => kind == RecordKind.Meeting ? text.MeetingTitle : text.TrainingTitle,
                "issuingUnit" => text.IssuingUnit,
                "heldOn" => kind == RecordKind.Meeting ? text.MeetingHeldOn : text.TrainingHeldOn,
                "startTime" => text.StartTime,
                "venue" => text.Venue,
                "name" => text.PersonName,
                "designation" => text.PersonDesignation,
                "office" => text.AttendeeOffice,
                "attended" => text.Attended,
                "opening" => text.Opening,
                "closing" => text.Closing,
                "discussion" => text.Discussion,
                "decision" => text.Decision,
                "action" => text.FollowUpAction,
                "ownerOfficeId" => text.OwnerOffice,
                "dueOn" => text.FollowUpDueOn,
                "memoNumber" => text.MemoNumber,
                "issuedOn" => text.IssuedOn,
                "participants" => text.Participants,
                "submittedOn" => text.SubmittedOn,
                "value" => text.ValueLabel,
                "note" => text.NoteLabel,
                "indicatorId" => text.IndicatorColumn,
                _ => name,
            });
        }
        return string.Join(" · ", parts);
    }

    /// <summary>A stored value as the reader knows it: dates, kinds, yes/no and office names in the page's language.</summary>
    private static async Task<string> ValueAsync(PageRequest web, RecordKind kind, string path, string value, Dictionary<long, string> names)
    {
        if (value.Length == 0) return "—";
        var text = web.Text;
        var field = path.Split('.')[^1];
        var bracket = field.IndexOf('[', StringComparison.Ordinal);
        if (bracket >= 0) field = field[..bracket];
        if (field is "ownerOfficeId" or "officesRepresented" && long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var officeId))
        {
            if (!names.TryGetValue(officeId, out var name)) names[officeId] = name = await WorkspaceRecords.OfficeNameAsync(web, officeId);
            return name;
        }
        if (DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return text.Date(date);
        return field switch
        {
            "hasEvidence" or "attended" => value == "true" ? text.AnswerYes : text.AnswerNo,
            "kind" => kind switch
            {
                RecordKind.Meeting when Enum.TryParse<MeetingKind>(value, out var meetingKind) => text.MeetingKindName(meetingKind),
                RecordKind.Training when Enum.TryParse<TrainingKind>(value, out var trainingKind) => text.TrainingKindName(trainingKind),
                RecordKind.Report when Enum.TryParse<ReportKind>(value, out var reportKind) => text.ReportKindName(reportKind),
                _ => value,
            },
            "quarter" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var quarter) => text.QuarterName(quarter),
            "participants" or "fiscalYear" or "startTime" or "memoNumber" or "value" => text.Digits(value),
            _ => value,
        };
    }
}
