using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>
/// The rest of a focal point's quarter on the workspace: trainings and reports, the period's records with their
/// evidence, editing (with the version seen), history, withdrawing, follow-ups, several offices, and another agency's refusals.
/// </summary>
public sealed class WorkspaceRecordsTests
{
    private static readonly byte[] SmallPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
    private TestApp _app = null!;
    private long _ministry;
    private long[] _agencies = [];
    private long _otherAgency;
    private int _serial;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        var given = new Given(_app);
        (_ministry, _agencies) = await given.MinistryWithAsync(2);
        (_, var others) = await given.MinistryWithAsync(1, "OTH");
        _otherAgency = others[0];
        await _app.UserAsync("min.fp", Role.FocalPoint, _ministry, language: "en");
        await _app.UserAsync("oth.fp", Role.FocalPoint, _otherAgency, language: "en");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    /// <summary>An agency of the ministry of its own, with its focal point signed in on the form: tests that change a checklist do not share one.</summary>
    private async Task<(long Office, HttpClient Page, string Username)> AgencyAsync(string language = "en")
    {
        var code = $"MIN-X{++_serial}";
        var office = await new Given(_app).OfficeAsync(code, _ministry);
        var username = $"x{_serial}.fp";
        await _app.UserAsync(username, Role.FocalPoint, office, language: language);
        return (office, await _app.SignInOnFormAsync(username), username);
    }

    private static string Q1(string page, long office) => $"{page}?officeId={office}&fiscalYear=2024-25&quarter=1";

    private static string? RowStatus(string html, string indicator) =>
        Regex.Match(html, $"<tr data-indicator=\"{Regex.Escape(indicator)}\" data-status=\"(\\w+)\"") is { Success: true } m ? m.Groups[1].Value : null;

    private static string RecordRow(string html, string kind, long id) =>
        Regex.Match(html, $"<tr data-record=\"{kind}-{id}\"[^>]*>(.*?)</tr>", RegexOptions.Singleline) is { Success: true } m ? Joined(m.Groups[1].Value) : "";

    private static string Section(string html, int version) =>
        Regex.Match(html, $"<section class=\"history-version\" data-version=\"{version}\">(.*?)</section>", RegexOptions.Singleline) is { Success: true } m ? Joined(m.Groups[1].Value) : "";

    /// <summary>The markup without the line breaks the page's source puts between tags.</summary>
    private static string Joined(string html) => Regex.Replace(html, @">\s*\n\s*<", "><");

    private static string Href(string url) => url.Replace("&", "&amp;", StringComparison.Ordinal);

    /// <summary>Posts a form whose fields may repeat (a group of checkboxes), as a browser does.</summary>
    private static async Task<HttpResponseMessage> PostPairsAsync(HttpClient client, string url, string token, IEnumerable<(string Name, string Value)> fields,
        (string FileName, byte[] Bytes)? file = null)
    {
        var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" } };
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        if (file is { } f)
        {
            var bytes = new ByteArrayContent(f.Bytes);
            bytes.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
            content.Add(bytes, "file", f.FileName);
        }
        return await client.PostAsync(url, content);
    }

    [Test]
    public async Task A_training_with_the_subordinate_offices_represented_turns_2_1_1_Done()
    {
        var client = await _app.SignInOnFormAsync("min.fp");
        var workspace = await client.PageAsync(Q1("/workspace", _ministry));
        Assert.That(workspace, Does.Contain($"href=\"{Href(Q1("/workspace/trainings/new", _ministry))}\""), "the Record button of 2.1.1");
        var page = await client.PageAsync(Q1("/workspace/trainings/new", _ministry));
        Assert.That(page, Does.Match($"<input type=\"checkbox\" name=\"officesRepresented\" value=\"{_agencies[1]}\"\\s*/?> Office MIN-A2"));

        var response = await PostPairsAsync(client, Q1("/workspace/trainings/new", _ministry), WebClient.FormToken(page),
            [("kind", "Workshop"), ("heldOn", "2024-09-12"), ("title", "সেবা প্রদান প্রতিশ্রুতি বিষয়ক কর্মশালা"), ("participants", "35"),
             ("officesRepresented", _agencies[0].ToString()), ("officesRepresented", _agencies[1].ToString())],
            ("workshop-attendance.pdf", SmallPdf));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var after = await client.PageAsync(response.Headers.Location!.OriginalString);
        var (id, offices, hasEvidence) = Sql.Query<(long, string, long)>(_app, "SELECT Id, OfficesRepresented, HasEvidence FROM Trainings WHERE OfficeId = @office", new { office = _ministry }).Single();
        Assert.Multiple(() =>
        {
            Assert.That(RowStatus(after, "2.1.1"), Is.EqualTo("Done"));
            Assert.That(after, Does.Contain("Saved: training"));
            Assert.That(offices, Is.EqualTo($"{_agencies[0]},{_agencies[1]}"));
            Assert.That(hasEvidence, Is.EqualTo(1));
            Assert.That(RecordRow(after, "Training", id), Does.Contain("Workshop: সেবা প্রদান প্রতিশ্রুতি বিষয়ক কর্মশালা").And.Contain("workshop-attendance.pdf"));
        });
    }

    [Test]
    public async Task A_quarterly_and_an_annual_report_turn_1_3_2_and_2_2_2_Done()
    {
        var (agency, client, _) = await AgencyAsync();
        var workspace = await client.PageAsync(Q1("/workspace", agency));
        var quarterly = Q1("/workspace/reports/new", agency) + "&kind=QuarterlyImplementation";
        var annual = Q1("/workspace/reports/new", agency) + "&kind=AnnualProgress";
        Assert.That(workspace, Does.Contain($"href=\"{Href(quarterly)}\"").And.Contain($"href=\"{Href(annual)}\""));

        var page = await client.PageAsync(quarterly);
        Assert.That(page, Does.Contain("<option value=\"QuarterlyImplementation\" selected>").And.Contain("<option value=\"1\" selected>"));
        var first = await client.PostFormAsync(quarterly, WebClient.FormToken(page),
            new Dictionary<string, string> { ["kind"] = "QuarterlyImplementation", ["quarter"] = "1", ["submittedOn"] = "2024-09-24", ["hasEvidence"] = "true" });
        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await first.Content.ReadAsStringAsync());

        page = await client.PageAsync(annual);
        Assert.That(page, Does.Contain("<option value=\"AnnualProgress\" selected>"));
        var second = await client.PostFormAsync(annual, WebClient.FormToken(page),
            new Dictionary<string, string> { ["kind"] = "AnnualProgress", ["quarter"] = "1", ["submittedOn"] = "2024-09-24", ["notes"] = "Sent by letter", ["hasEvidence"] = "true" });
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await second.Content.ReadAsStringAsync());

        var after = await client.PageAsync(second.Headers.Location!.OriginalString);
        Assert.Multiple(() =>
        {
            Assert.That(RowStatus(after, "1.3.2"), Is.EqualTo("Done"));
            Assert.That(RowStatus(after, "2.2.2"), Is.EqualTo("Done"));
            Assert.That(Sql.Query<(string, long?)>(_app, "SELECT Kind, Quarter FROM Reports WHERE OfficeId = @agency ORDER BY Id", new { agency }),
                Is.EqualTo(new[] { ("QuarterlyImplementation", (long?)1), ("AnnualProgress", (long?)null) }), "the annual report covers the year, whatever the quarter box held");
        });
    }

    [Test]
    public async Task A_training_form_explains_its_mistakes_in_Bengali_beside_the_fields()
    {
        var (agency, client, _) = await AgencyAsync("bn");
        var page = await client.PageAsync(Q1("/workspace/trainings/new", agency));

        var response = await client.PostFormAsync(Q1("/workspace/trainings/new", agency), WebClient.FormToken(page),
            new Dictionary<string, string> { ["kind"] = "Seminar", ["heldOn"] = "2024-06-30", ["title"] = "", ["participants"] = "0" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "heldOn"), Does.Contain("৩০-০৬-২০২৪ তারিখটি ২০২৪-২৫ অর্থবছরের (০১-০৭-২০২৪ থেকে ৩০-০৬-২০২৫) বাইরে।"));
            Assert.That(WebClient.FieldError(html, "participants"), Does.Contain("অন্তত একজন অংশগ্রহণকারী থাকতে হবে।"));
            Assert.That(WebClient.FieldError(html, "title"), Does.Contain("বিষয়/শিরোনাম দিতে হবে।"));
            Assert.That(html, Does.Contain("<option value=\"Seminar\" selected>"), "the chosen kind stays");
            Assert.That(Sql.Count(_app, "Trainings", "OfficeId = @agency", new { agency }), Is.Zero);
        });
    }

    [Test]
    public async Task The_workspace_lists_the_periods_records_with_their_evidence_the_day_recorded_and_what_can_be_done()
    {
        var (agency, client, _) = await AgencyAsync();
        var form = Q1("/workspace/charter-updates/new", agency);
        var page = await client.PageAsync(form);
        await client.PostFormAsync(form, WebClient.FormToken(page), new Dictionary<string, string> { ["updatedOn"] = "2024-09-20", ["portalReference"] = "NIS-0920" },
            ("file", "charter.pdf", "application/pdf", SmallPdf));
        var id = Sql.Query<long>(_app, "SELECT Id FROM CharterUpdates WHERE OfficeId = @agency", new { agency }).Single();
        var evidence = Sql.Query<long>(_app, "SELECT EvidenceId FROM RecordEvidence WHERE RecordKind = 'CharterUpdate' AND RecordId = @id", new { id }).Single();

        var row = RecordRow(await client.PageAsync(Q1("/workspace", agency)), "CharterUpdate", id);

        Assert.Multiple(() =>
        {
            Assert.That(row, Does.Contain("Charter update (NIS-0920)"));
            Assert.That(row, Does.Contain("<td data-label=\"Date\">20 September 2024</td>"));
            Assert.That(row, Does.Contain("<td data-label=\"Recorded on\">25 September 2024</td>"));
            Assert.That(row, Does.Contain($"<a href=\"/api/v1/evidence/{evidence}\" data-evidence=\"{evidence}\">charter.pdf</a>"));
            Assert.That(row, Does.Contain($"href=\"/workspace/charter-updates/{id}/edit\""));
            Assert.That(row, Does.Contain($"href=\"/workspace/charter-updates/{id}/history\""));
            Assert.That(row, Does.Contain($"href=\"/workspace/charter-updates/{id}/withdraw\""));
        });
        var download = await client.GetAsync($"/api/v1/evidence/{evidence}");
        Assert.That((download.StatusCode, download.Content.Headers.ContentType?.MediaType), Is.EqualTo((HttpStatusCode.OK, "application/pdf")), "the evidence link opens with the cookie");
    }

    [Test]
    public async Task Editing_with_a_stale_version_shows_the_conflict_keeps_what_was_typed_and_saves_on_purpose_the_second_time()
    {
        var (agency, client, username) = await AgencyAsync();
        var api = await _app.SignInAsync(username);
        var created = await api.PostJsonAsync($"/api/v1/offices/{agency}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"), HttpStatusCode.Created);
        var edit = $"/workspace/charter-updates/{created.Id()}/edit";
        var page = await client.PageAsync(edit);
        Assert.That((WebClient.InputValue(page, "version"), WebClient.InputValue(page, "portalReference")), Is.EqualTo(("1", "NIS-2024-0815")));

        // Someone else changes the record meanwhile.
        await api.PutJsonAsync($"/api/v1/charter-updates/{created.Id()}", Samples.CharterUpdate(updatedOn: "2024-09-11").With("portalReference", "NIS-OTHER").With("version", 1), HttpStatusCode.OK);
        var response = await client.PostFormAsync(edit, WebClient.FormToken(page),
            new Dictionary<string, string> { ["version"] = "1", ["updatedOn"] = "2024-09-12", ["portalReference"] = "NIS-MINE", ["notes"] = "typed by me" });
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
            Assert.That(html, Does.Contain("is at version 2, not 1: someone changed it meanwhile."));
            Assert.That(html, Does.Contain("What you typed is kept below."));
            Assert.That(WebClient.InputValue(html, "portalReference"), Is.EqualTo("NIS-MINE"));
            Assert.That(WebClient.InputValue(html, "updatedOn"), Is.EqualTo("12/09/2024"));
            Assert.That(html, Does.Contain(">typed by me</textarea>"));
            Assert.That(WebClient.InputValue(html, "version"), Is.EqualTo("2"), "the form now carries the version that was shown to be current");
            Assert.That(html, Does.Contain($"href=\"/workspace/charter-updates/{created.Id()}/history\""));
            Assert.That(Sql.Query<string>(_app, "SELECT PortalReference FROM CharterUpdates WHERE Id = @id", new { id = created.Id() }).Single(), Is.EqualTo("NIS-OTHER"));
        });

        var again = await client.PostFormAsync(edit, WebClient.FormToken(html),
            new Dictionary<string, string> { ["version"] = "2", ["updatedOn"] = "2024-09-12", ["portalReference"] = "NIS-MINE", ["notes"] = "typed by me" });
        Assert.That(again.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await again.Content.ReadAsStringAsync());
        Assert.That(Sql.Query<(string, long)>(_app, "SELECT PortalReference, Version FROM CharterUpdates WHERE Id = @id", new { id = created.Id() }).Single(),
            Is.EqualTo(("NIS-MINE", 3L)));
    }

    [Test]
    public async Task The_history_lists_the_earlier_version_with_who_changed_it_and_marks_the_changed_fields()
    {
        var (agency, client, username) = await AgencyAsync();
        var api = await _app.SignInAsync(username);
        var created = await api.PostJsonAsync($"/api/v1/offices/{agency}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"), HttpStatusCode.Created);
        var edit = $"/workspace/charter-updates/{created.Id()}/edit";
        var page = await client.PageAsync(edit);
        var saved = await client.PostFormAsync(edit, WebClient.FormToken(page),
            new Dictionary<string, string> { ["version"] = "1", ["updatedOn"] = "2024-09-10", ["portalReference"] = "NIS-CORRECTED", ["hasEvidence"] = "true" });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());

        var html = await client.PageAsync($"/workspace/charter-updates/{created.Id()}/history");
        var current = Section(html, 2);
        var earlier = Section(html, 1);

        Assert.Multiple(() =>
        {
            Assert.That(current, Does.Contain("Version 2").And.Contain("(current)"));
            Assert.That(current, Does.Contain($"Edited by {username}, 25 September 2024"));
            Assert.That(current, Does.Contain("<tr data-field=\"portalReference\" class=\"changed\"><th scope=\"row\">Portal reference</th><td><mark>NIS-CORRECTED</mark> <span class=\"change-mark\">(changed)</span></td></tr>"));
            Assert.That(current, Does.Contain("<tr data-field=\"updatedOn\"><th scope=\"row\">Date of the update</th><td>10 September 2024</td></tr>"), "an unchanged field is not marked");
            Assert.That(earlier, Does.Contain("Version 1").And.Contain($"Recorded by {username}"));
            Assert.That(earlier, Does.Contain("<tr data-field=\"portalReference\"><th scope=\"row\">Portal reference</th><td>NIS-2024-0815</td></tr>"));
            Assert.That(html.IndexOf("data-version=\"2\"", StringComparison.Ordinal), Is.LessThan(html.IndexOf("data-version=\"1\"", StringComparison.Ordinal)), "newest first");
        });
    }

    [Test]
    public async Task Withdrawing_a_record_with_a_reason_makes_its_item_not_Done_again()
    {
        var (agency, client, username) = await AgencyAsync();
        var api = await _app.SignInAsync(username);
        var created = await api.PostJsonAsync($"/api/v1/offices/{agency}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"), HttpStatusCode.Created);
        Assert.That(RowStatus(await client.PageAsync(Q1("/workspace", agency)), "1.1.1"), Is.EqualTo("Done"));
        var withdraw = $"/workspace/charter-updates/{created.Id()}/withdraw";
        var page = await client.PageAsync(withdraw);
        Assert.That(page, Does.Contain("no longer counts for any indicator"));

        var noReason = await client.PostFormAsync(withdraw, WebClient.FormToken(page), new Dictionary<string, string> { ["version"] = "1", ["reason"] = " " });
        var refused = await noReason.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(noReason.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(refused, "reason"), Does.Contain("The reason for withdrawing is required."));
            Assert.That(Sql.Count(_app, "CharterUpdates", "Id = @id AND WithdrawnAtUtc IS NULL", new { id = created.Id() }), Is.EqualTo(1));
        });

        var response = await client.PostFormAsync(withdraw, WebClient.FormToken(refused), new Dictionary<string, string> { ["version"] = "1", ["reason"] = "Entered for the wrong office" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var after = await client.PageAsync(response.Headers.Location!.OriginalString);
        var row = RecordRow(after, "CharterUpdate", created.Id());
        Assert.Multiple(() =>
        {
            Assert.That(after, Does.Contain("Saved: record withdrawn"));
            Assert.That(RowStatus(after, "1.1.1"), Is.EqualTo("Pending"));
            Assert.That(row, Does.Contain("Withdrawn").And.Contain("Reason for withdrawing: Entered for the wrong office"));
            Assert.That(row, Does.Not.Contain("/edit\"").And.Not.Contain("/withdraw\""), "a withdrawn record is not edited again");
            Assert.That(row, Does.Contain("/history\""));
        });
        var history = await client.PageAsync($"/workspace/charter-updates/{created.Id()}/history");
        Assert.That(Section(history, 2), Does.Contain($"Withdrawn by {username}").And.Contain("Reason for withdrawing: Entered for the wrong office"));
        Assert.That((await client.GetAsync($"/workspace/charter-updates/{created.Id()}/edit")).StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task The_owner_office_reports_a_follow_up_done_and_it_leaves_the_list()
    {
        var (agency, client, _) = await AgencyAsync();
        var ministry = await _app.SignInAsync("min.fp");
        await ministry.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting(followUpOwner: agency, heldOn: "2024-09-10"), HttpStatusCode.Created);
        var followUp = Sql.Query<long>(_app, "SELECT Id FROM FollowUps WHERE OwnerOfficeId = @agency", new { agency }).Single();

        var workspace = await client.PageAsync(Q1("/workspace", agency));
        var complete = Q1($"/workspace/follow-ups/{followUp}/complete", agency);
        Assert.Multiple(() =>
        {
            Assert.That(workspace, Does.Contain($"<tr data-follow-up=\"{followUp}\" data-status=\"Open\">"));
            Assert.That(workspace, Does.Contain("Upload the updated charter to the portal").And.Contain("30 September 2024").And.Contain("Meeting of 10 September 2024"));
            Assert.That(workspace, Does.Contain($"href=\"{Href(complete)}\""));
        });

        var page = await client.PageAsync(complete);
        var future = await client.PostFormAsync(complete, WebClient.FormToken(page), new Dictionary<string, string> { ["doneOn"] = "2024-10-02" });
        var refused = await future.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(future.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(refused, "doneOn"), Does.Contain("cannot be in the future"));
        });

        var response = await client.PostFormAsync(complete, WebClient.FormToken(refused), new Dictionary<string, string> { ["doneOn"] = "2024-09-24", ["note"] = "Uploaded on the portal" });
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        var after = await client.PageAsync(response.Headers.Location!.OriginalString);
        Assert.Multiple(() =>
        {
            Assert.That(after, Does.Contain("Saved: follow-up done"));
            Assert.That(after, Does.Not.Contain($"data-follow-up=\"{followUp}\""));
            Assert.That(Sql.Query<(string, string, string)>(_app, "SELECT Status, DoneOn, DoneNote FROM FollowUps WHERE Id = @followUp", new { followUp }).Single(),
                Is.EqualTo(("Done", "2024-09-24", "Uploaded on the portal")));
        });
    }

    [Test]
    public async Task A_follow_up_past_its_due_date_shows_as_overdue_in_words()
    {
        var (agency, client, _) = await AgencyAsync();
        var ministry = await _app.SignInAsync("min.fp");
        var meeting = Samples.Meeting(heldOn: "2024-09-01");
        meeting["agenda"] = new object[]
        {
            new { discussion = "হালনাগাদ", decision = "হালনাগাদ করতে হবে", followUps = new object[] { new { action = "Late action", ownerOfficeId = agency, dueOn = "2024-09-15" } } },
        };
        await ministry.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", meeting, HttpStatusCode.Created);

        var workspace = await client.PageAsync(Q1("/workspace", agency));

        Assert.That(Regex.Match(workspace, "<tr data-follow-up=\"\\d+\" data-status=\"Overdue\">(.*?)</tr>", RegexOptions.Singleline).Groups[1].Value,
            Does.Contain("Late action").And.Contain("<span aria-hidden=\"true\">!</span> Overdue"));
    }

    [Test]
    public async Task Another_agencys_focal_point_cannot_open_or_post_its_edit_history_withdraw_or_follow_up_pages()
    {
        var (agency, _, username) = await AgencyAsync();
        var api = await _app.SignInAsync(username);
        var update = await api.PostJsonAsync($"/api/v1/offices/{agency}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"), HttpStatusCode.Created);
        var training = await api.PostJsonAsync($"/api/v1/offices/{agency}/trainings", Samples.Training(heldOn: "2024-09-05"), HttpStatusCode.Created);
        var ministry = await _app.SignInAsync("min.fp");
        await ministry.PostJsonAsync($"/api/v1/offices/{_ministry}/meetings", Samples.Meeting(followUpOwner: agency, heldOn: "2024-09-10"), HttpStatusCode.Created);
        var followUp = Sql.Query<long>(_app, "SELECT Id FROM FollowUps WHERE OwnerOfficeId = @agency", new { agency }).Single();

        var other = await _app.SignInOnFormAsync("oth.fp");
        var token = WebClient.FormToken(await other.PageAsync(Q1("/workspace/charter-updates/new", _otherAgency)));
        var pages = new[]
        {
            $"/workspace/charter-updates/{update.Id()}/edit", $"/workspace/charter-updates/{update.Id()}/history", $"/workspace/charter-updates/{update.Id()}/withdraw",
            $"/workspace/trainings/{training.Id()}/edit", $"/workspace/trainings/{training.Id()}/history", $"/workspace/follow-ups/{followUp}/complete",
        };
        foreach (var url in pages) await other.PageAsync(url, HttpStatusCode.Forbidden);
        var edited = await other.PostFormAsync($"/workspace/charter-updates/{update.Id()}/edit", token,
            new Dictionary<string, string> { ["version"] = "1", ["updatedOn"] = "2024-09-11", ["portalReference"] = "FOREIGN" });
        var withdrawn = await other.PostFormAsync($"/workspace/charter-updates/{update.Id()}/withdraw", token,
            new Dictionary<string, string> { ["version"] = "1", ["reason"] = "Not mine to withdraw" });
        var trainingEdit = await other.PostFormAsync($"/workspace/trainings/{training.Id()}/edit", token,
            new Dictionary<string, string> { ["version"] = "1", ["kind"] = "Seminar", ["heldOn"] = "2024-09-05", ["title"] = "FOREIGN", ["participants"] = "3" });
        var completed = await other.PostFormAsync($"/workspace/follow-ups/{followUp}/complete", token, new Dictionary<string, string> { ["doneOn"] = "2024-09-20" });

        Assert.Multiple(() =>
        {
            Assert.That(edited.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(withdrawn.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(trainingEdit.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(completed.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(Sql.Query<(string, long)>(_app, "SELECT PortalReference, Version FROM CharterUpdates WHERE Id = @id AND WithdrawnAtUtc IS NULL", new { id = update.Id() }).Single(),
                Is.EqualTo(("NIS-2024-0815", 1L)), "neither edited nor withdrawn");
            Assert.That(Sql.Count(_app, "Trainings", "Title = 'FOREIGN'"), Is.Zero);
            Assert.That(Sql.Count(_app, "FollowUps", "Id = @followUp AND Status = 'Open'", new { followUp }), Is.EqualTo(1));
        });
    }

    [Test]
    public async Task A_focal_point_assigned_to_a_second_office_sees_both_with_their_progress_and_can_switch()
    {
        var (own, client, username) = await AgencyAsync();
        var assigned = await new Given(_app).OfficeAsync($"MIN-X{++_serial}", _ministry);
        var admin = await _app.AsAdminAsync();
        var userId = Sql.Query<long>(_app, "SELECT Id FROM Users WHERE Username = @username", new { username }).Single();
        await admin.PostJsonAsync($"/api/v1/offices/{assigned}/focal-points", new { userId, validFrom = "2024-07-01" }, HttpStatusCode.Created);
        var api = await _app.SignInAsync(username);
        await api.PostJsonAsync($"/api/v1/offices/{assigned}/charter-updates", Samples.CharterUpdate(updatedOn: "2024-09-10"), HttpStatusCode.Created);

        var picker = await client.PageAsync("/workspace?fiscalYear=2024-25&quarter=1");
        Assert.Multiple(() =>
        {
            Assert.That(picker, Does.Contain("<h1>My offices</h1>"));
            Assert.That(Card(picker, own), Does.Contain($"Office MIN-X{_serial - 1}").And.Contain("Own office").And.Contain("0 of 5 done"));
            Assert.That(Card(picker, assigned), Does.Contain($"Office MIN-X{_serial}").And.Contain("Assigned office").And.Contain("1 of 5 done"));
            Assert.That(Card(picker, assigned), Does.Contain($"href=\"{Href(Q1("/workspace", assigned))}\""));
        });

        var checklist = await client.PageAsync(Q1("/workspace", assigned));
        Assert.Multiple(() =>
        {
            Assert.That(RowStatus(checklist, "1.1.1"), Is.EqualTo("Done"));
            Assert.That(checklist, Does.Contain($"<a href=\"{Href(Q1("/workspace", own))}\">Office MIN-X{_serial - 1}</a>"), "the other office, one link away");
            Assert.That(checklist, Does.Contain($"<a href=\"{Href(Q1("/workspace", assigned))}\" aria-current=\"page\">Office MIN-X{_serial}</a>"));
        });
        var ownChecklist = await client.PageAsync(Q1("/workspace", own));
        Assert.That(RowStatus(ownChecklist, "1.1.1"), Is.EqualTo("Pending"));

        // The assigned office's forms work as the own office's do.
        var form = Q1("/workspace/reports/new", assigned) + "&kind=QuarterlyImplementation";
        var page = await client.PageAsync(form);
        var saved = await client.PostFormAsync(form, WebClient.FormToken(page),
            new Dictionary<string, string> { ["kind"] = "QuarterlyImplementation", ["quarter"] = "1", ["submittedOn"] = "2024-09-24", ["hasEvidence"] = "true" });
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await saved.Content.ReadAsStringAsync());
        Assert.That(RowStatus(await client.PageAsync(saved.Headers.Location!.OriginalString), "1.3.2"), Is.EqualTo("Done"));
    }

    private static string Card(string html, long office) =>
        Regex.Match(html, $"<li data-office=\"{office}\">(.*?)</li>", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value : "";
}
