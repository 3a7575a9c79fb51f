using System.Globalization;
using CharterTracker.Activities;
using CharterTracker.Meetings;
using CharterTracker.Offices;

namespace CharterTracker.Web;

/// <summary>
/// Record a meeting with everything its minutes hold (indicators 1.3.1 and 1.2.2), and correct one. The attendance,
/// agenda and follow-up lists grow without JavaScript: an "add" button posts the form back and it comes again with
/// one more empty row and nothing lost (not validated, nothing saved). Empty rows are dropped when saving.
/// </summary>
internal static class MeetingForms
{
    private static readonly string[] AttendeeFields = ["name", "designation", "office", "attended"];
    private static readonly string[] AgendaFields = ["discussion", "decision", "subDecisions"];
    private static readonly string[] FollowUpFields = ["action", "ownerOfficeId", "dueOn"];

    /// <summary>A new form: two attendance rows and one agenda item with one follow-up row.</summary>
    private static readonly MeetingRows NewRows = new(2, [1]);

    public static IEndpointRouteBuilder MapMeetingForms(this IEndpointRouteBuilder app)
    {
        app.MapPage("/workspace/meetings/new", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var kind = Enum.TryParse<MeetingKind>(web.Http.Request.Query["kind"], out var asked) && Enum.IsDefined(asked) ? asked.ToString() : null;
            var date = WorkspacePages.DefaultDate(web, year, quarter);
            var form = WebForm.Blank(web, new Dictionary<string, string?>
            {
                ["kind"] = kind, ["heldOn"] = date, ["issuedOn"] = date, ["attendees[0].attended"] = "true", ["attendees[1].attended"] = "true",
            });
            return await RenderAsync(web, office, year, quarter, form, NewRows, StatusCodes.Status200OK, null);
        });

        app.MapPagePost("/workspace/meetings/new", async web =>
        {
            var (office, year, quarter) = await WorkspacePages.FormPeriodAsync(web);
            var form = await WebForm.ReadAsync(web);
            await WorkspacePages.AttachEvidenceAsync(web, form, office.Id, "heldOn");
            if (AddRow(form) is { } grown) return await RenderAsync(web, office, year, quarter, form, grown, StatusCodes.Status200OK, null);

            var rows = Compact(form);
            return await WorkspacePages.SaveAsync(web, form, new RecordMeetingCommand(office.Id, Read(form, rows, web.Text, year, quarter)),
                _ => PageRequest.Url("/workspace", office.Id, year, quarter) + "&saved=meeting",
                (failed, status) => RenderAsync(web, office, year, quarter, failed, AtLeastOne(rows), status, null));
        });

        app.MapPage("/workspace/meetings/{id:long}/edit", async web =>
        {
            var meeting = await web.Mediator.Send(new GetMeetingQuery(WorkspacePages.RouteId(web)), web.Aborted);
            if (meeting.Withdrawn) return await WorkspacePages.WithdrawnAsync(web);
            var office = await web.Mediator.Send(new GetOfficeQuery(meeting.OfficeId), web.Aborted);
            var (values, rows) = ValuesOf(meeting);
            return await RenderAsync(web, office, meeting.FiscalYear, meeting.Quarter, WebForm.Blank(web, values), AtLeastOne(rows), StatusCodes.Status200OK, meeting);
        });

        app.MapPagePost("/workspace/meetings/{id:long}/edit", async web =>
        {
            var meeting = await web.Mediator.Send(new GetMeetingQuery(WorkspacePages.RouteId(web)), web.Aborted);
            var office = await web.Mediator.Send(new GetOfficeQuery(meeting.OfficeId), web.Aborted);
            var form = await WebForm.ReadAsync(web);
            await WorkspacePages.AttachEvidenceAsync(web, form, office.Id, "heldOn");
            if (AddRow(form) is { } grown) return await RenderAsync(web, office, meeting.FiscalYear, meeting.Quarter, form, grown, StatusCodes.Status200OK, meeting);

            var rows = Compact(form);
            var fields = Read(form, rows, web.Text, meeting.FiscalYear, meeting.Quarter);
            return await WorkspacePages.SaveAsync(web, form, new EditMeetingCommand(meeting.Id, form.Int("version"), fields),
                saved => PageRequest.Url("/workspace", office.Id, saved.FiscalYear, saved.Quarter) + "&saved=meeting",
                (failed, status) => RenderAsync(web, office, meeting.FiscalYear, meeting.Quarter, failed, AtLeastOne(rows), status, meeting),
                async () => (await web.Mediator.Send(new GetMeetingQuery(meeting.Id), web.Aborted)).Version);
        });
        return app;
    }

    /// <summary>
    /// What the inputs hold, for the period the form is about, as the meeting's fields (indices already those of the
    /// inputs: see <see cref="Compact"/>).
    /// </summary>
    private static MeetingFields Read(WebForm form, MeetingRows rows, WebText text, string fiscalYear, int quarter)
    {
        var signatory = new Person { Name = form.Text("signatory.name"), Designation = form.Text("signatory.designation") };
        return new MeetingFields
        {
            Kind = Enum.TryParse<MeetingKind>(form.Value("kind"), out var kind) && Enum.IsDefined(kind) ? kind : null,
            FiscalYear = fiscalYear,
            Quarter = quarter,
            Title = form.Text("title"),
            IssuingUnit = form.Text("issuingUnit"),
            HeldOn = form.Date("heldOn"),
            StartTime = Time(form, "startTime", text),
            Venue = form.Text("venue"),
            Chair = new Person { Name = form.Text("chair.name"), Designation = form.Text("chair.designation") },
            Opening = form.Text("opening"),
            Closing = form.Text("closing"),
            Attendees = Enumerable.Range(0, rows.Attendees).Select(i => new Attendee
            {
                Name = form.Text($"attendees[{i}].name"), Designation = form.Text($"attendees[{i}].designation"), Office = form.Text($"attendees[{i}].office"),
                Attended = form.Checked($"attendees[{i}].attended"),
            }).ToList(),
            Agenda = Enumerable.Range(0, rows.Agenda).Select(i => new AgendaItemInput
            {
                Discussion = form.Text($"agenda[{i}].discussion"), Decision = form.Text($"agenda[{i}].decision"),
                SubDecisions = form.Lines($"agenda[{i}].subDecisions") is { Count: > 0 } subDecisions ? subDecisions : null,
                FollowUps = Enumerable.Range(0, rows.FollowUps[i]).Select(j => new FollowUpInput
                {
                    Action = form.Text($"agenda[{i}].followUps[{j}].action"), OwnerOfficeId = form.Long($"agenda[{i}].followUps[{j}].ownerOfficeId"),
                    DueOn = form.Date($"agenda[{i}].followUps[{j}].dueOn"),
                }).ToList(),
            }).ToList(),
            MemoNumber = form.Text("memoNumber"),
            IssuedOn = form.Date("issuedOn"),
            Signatory = signatory.Name is null && signatory.Designation is null ? null : signatory,
            Distribution = form.Lines("distribution"),
            EvidenceIds = form.Ids("evidenceIds"),
            HasEvidence = form.Checked("hasEvidence"),
        };
    }

    private static TimeOnly? Time(WebForm form, string name, WebText text)
    {
        var time = form.Time(name);
        if (time is null && form.Typed(name) is not null) form.AddError(name, text.NotATime);
        return time;
    }

    /// <summary>The rows the posted form holds: an index is there while any of its inputs was posted (browsers post empty text inputs too).</summary>
    private static MeetingRows RowsOf(WebForm form)
    {
        var attendees = Count(i => Posted(form, $"attendees[{i}]", AttendeeFields));
        var followUps = new List<int>();
        for (var i = 0; i < MaxRows && Posted(form, $"agenda[{i}]", AgendaFields.Append("followUps[0].action").ToArray()); i++)
        {
            var item = i;
            followUps.Add(Count(j => Posted(form, $"agenda[{item}].followUps[{j}]", FollowUpFields)));
        }
        return new MeetingRows(attendees, followUps);
    }

    private const int MaxRows = 500;

    private static int Count(Func<int, bool> present)
    {
        var n = 0;
        while (n < MaxRows && present(n)) n++;
        return n;
    }

    private static bool Posted(WebForm form, string prefix, IEnumerable<string> fields) => fields.Any(f => form.Values($"{prefix}.{f}").Count > 0);

    /// <summary>
    /// The "add" button that was pressed (<c>attendee</c>, <c>agenda</c>, or <c>agenda[2].followUps</c>): the rows with
    /// one more, its defaults set; null when the form was posted to be saved.
    /// </summary>
    private static MeetingRows? AddRow(WebForm form)
    {
        var add = form.Value("add");
        if (add.Length == 0) return null;
        var rows = RowsOf(form);
        if (add == "attendee")
        {
            form.Set($"attendees[{rows.Attendees}].attended", "true");
            return rows with { Attendees = rows.Attendees + 1 };
        }
        if (add == "agenda") return rows with { FollowUps = [.. rows.FollowUps, 1] };
        for (var i = 0; i < rows.Agenda; i++)
        {
            if (add == $"agenda[{i}].followUps") return rows with { FollowUps = rows.FollowUps.Select((n, item) => item == i ? n + 1 : n).ToList() };
        }
        return rows;
    }

    /// <summary>
    /// Drops the rows left empty and renumbers the rest in the form itself, so that the command's list indices are the
    /// inputs' indices and an error such as <c>attendees[1].name</c> lands beside the input it concerns.
    /// </summary>
    private static MeetingRows Compact(WebForm form)
    {
        var rows = RowsOf(form);
        var attendees = CompactList(form, "attendees", rows.Attendees, AttendeeFields, i => Empty(form, $"attendees[{i}]", ["name", "designation", "office"]));

        var keptFollowUps = new List<int>();
        var kept = 0;
        for (var i = 0; i < rows.Agenda; i++)
        {
            var followUps = CompactList(form, $"agenda[{i}].followUps", rows.FollowUps[i], FollowUpFields, j => Empty(form, $"agenda[{i}].followUps[{j}]", FollowUpFields));
            if (followUps == 0 && Empty(form, $"agenda[{i}]", AgendaFields)) continue;
            if (kept != i)
            {
                Move(form, $"agenda[{i}]", $"agenda[{kept}]", AgendaFields.Concat(Enumerable.Range(0, followUps).SelectMany(j => FollowUpFields.Select(f => $"followUps[{j}].{f}"))));
            }
            keptFollowUps.Add(followUps);
            kept++;
        }
        for (var i = kept; i < rows.Agenda; i++)
        {
            Clear(form, $"agenda[{i}]", AgendaFields.Concat(Enumerable.Range(0, rows.FollowUps[i]).SelectMany(j => FollowUpFields.Select(f => $"followUps[{j}].{f}"))));
        }
        return new MeetingRows(attendees, keptFollowUps);
    }

    private static int CompactList(WebForm form, string list, int count, string[] fields, Func<int, bool> empty)
    {
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (empty(i)) continue;
            if (kept != i) Move(form, $"{list}[{i}]", $"{list}[{kept}]", fields);
            kept++;
        }
        for (var i = kept; i < count; i++) Clear(form, $"{list}[{i}]", fields);
        return kept;
    }

    private static bool Empty(WebForm form, string prefix, IEnumerable<string> fields) => fields.All(f => form.Text($"{prefix}.{f}") is null);

    private static void Move(WebForm form, string from, string to, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            form.Set($"{to}.{field}", form.Values($"{from}.{field}").Count > 0 ? form.Value($"{from}.{field}") : null);
            form.Set($"{from}.{field}", null);
        }
    }

    private static void Clear(WebForm form, string prefix, IEnumerable<string> fields)
    {
        foreach (var field in fields) form.Set($"{prefix}.{field}", null);
    }

    /// <summary>After a failed save the lists the validator asks for show at least one row to type in.</summary>
    private static MeetingRows AtLeastOne(MeetingRows rows) =>
        new(Math.Max(rows.Attendees, 1), rows.Agenda == 0 ? [1] : rows.FollowUps);

    /// <summary>A stored meeting as the form's inputs; follow-ups already done are shown beside their item, not edited (saving keeps them).</summary>
    private static (Dictionary<string, string?> Values, MeetingRows Rows) ValuesOf(Meeting meeting)
    {
        var values = new Dictionary<string, string?>
        {
            ["version"] = meeting.Version.ToString(CultureInfo.InvariantCulture), ["kind"] = meeting.Kind.ToString(), ["title"] = meeting.Title,
            ["issuingUnit"] = meeting.IssuingUnit, ["heldOn"] = WorkspacePages.Iso(meeting.HeldOn),
            ["startTime"] = meeting.StartTime.ToString("HH:mm", CultureInfo.InvariantCulture), ["venue"] = meeting.Venue,
            ["chair.name"] = meeting.Chair.Name, ["chair.designation"] = meeting.Chair.Designation, ["opening"] = meeting.Opening, ["closing"] = meeting.Closing,
            ["memoNumber"] = meeting.MemoNumber, ["issuedOn"] = meeting.IssuedOn is { } issued ? WorkspacePages.Iso(issued) : null,
            ["signatory.name"] = meeting.Signatory?.Name, ["signatory.designation"] = meeting.Signatory?.Designation,
            ["distribution"] = string.Join('\n', meeting.Distribution),
        };
        WorkspacePages.EvidenceValues(values, meeting);
        for (var i = 0; i < meeting.Attendees.Count; i++)
        {
            var attendee = meeting.Attendees[i];
            values[$"attendees[{i}].name"] = attendee.Name;
            values[$"attendees[{i}].designation"] = attendee.Designation;
            values[$"attendees[{i}].office"] = attendee.Office;
            values[$"attendees[{i}].attended"] = attendee.Attended ? "true" : null;
        }
        var followUps = new List<int>();
        for (var i = 0; i < meeting.Agenda.Count; i++)
        {
            var item = meeting.Agenda[i];
            values[$"agenda[{i}].discussion"] = item.Discussion;
            values[$"agenda[{i}].decision"] = item.Decision;
            values[$"agenda[{i}].subDecisions"] = item.SubDecisions.Count == 0 ? null : string.Join('\n', item.SubDecisions);
            var open = item.FollowUps.Where(f => f.Status != FollowUpStatus.Done).ToList();
            for (var j = 0; j < open.Count; j++)
            {
                values[$"agenda[{i}].followUps[{j}].action"] = open[j].Action;
                values[$"agenda[{i}].followUps[{j}].ownerOfficeId"] = WorkspacePages.Iso(open[j].OwnerOfficeId);
                values[$"agenda[{i}].followUps[{j}].dueOn"] = WorkspacePages.Iso(open[j].DueOn);
            }
            followUps.Add(open.Count);
        }
        return (values, new MeetingRows(meeting.Attendees.Count, followUps));
    }

    private static async Task<IResult> RenderAsync(PageRequest web, Office office, string year, int quarter, WebForm form, MeetingRows rows, int status, Meeting? editing)
    {
        var action = editing is not null ? WorkspaceRecords.EditUrl(RecordKind.Meeting, editing.Id) : PageRequest.Url("/workspace/meetings/new", office.Id, year, quarter);
        var model = new MeetingFormModel(office, year, quarter, form, action, PageRequest.Url("/workspace", office.Id, year, quarter), rows,
            await OwnerOfficesAsync(web, office, form, rows))
        {
            HistoryUrl = editing is not null ? WorkspaceRecords.HistoryUrl(RecordKind.Meeting, editing.Id) : null,
            DoneFollowUps = editing?.Agenda.Where(item => item.FollowUps.Any(f => f.Status == FollowUpStatus.Done))
                .ToDictionary(item => item.Number, item => (IReadOnlyList<FollowUp>)item.FollowUps.Where(f => f.Status == FollowUpStatus.Done).ToList())
                ?? new Dictionary<int, IReadOnlyList<FollowUp>>(),
        };
        var title = editing is null ? web.Text.RecordMeeting : web.Text.EditMeeting;
        var frame = web.Frame($"{title}: {web.Name(office)}", "workspace");
        return await web.RenderAsync<MeetingForm>(new() { ["Frame"] = frame, ["Model"] = model, ["Attached"] = await WorkspacePages.AttachedAsync(web, form) }, status);
    }

    /// <summary>
    /// The offices a follow-up can be given to: the office itself and its offices below (subordinates and branches),
    /// plus any office a follow-up already names, so that an edit never silently changes an owner.
    /// </summary>
    private static async Task<IReadOnlyList<(string Value, string Label)>> OwnerOfficesAsync(PageRequest web, Office office, WebForm form, MeetingRows rows)
    {
        var options = new List<(string Value, string Label)> { ("", web.Text.ChooseOption), (WorkspacePages.Iso(office.Id), web.Name(office)) };
        foreach (var child in await web.Mediator.Send(new ListOfficeChildrenQuery(office.Id), web.Aborted))
        {
            options.Add((WorkspacePages.Iso(child.Id), web.Name(child)));
        }
        for (var i = 0; i < rows.Agenda; i++)
        {
            for (var j = 0; j < rows.FollowUps[i]; j++)
            {
                var named = form.Value($"agenda[{i}].followUps[{j}].ownerOfficeId");
                if (long.TryParse(named, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && options.All(o => o.Value != named))
                {
                    options.Add((named, await WorkspaceRecords.OfficeNameAsync(web, id)));
                }
            }
        }
        return options;
    }
}
