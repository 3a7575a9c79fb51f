using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>The meeting form as a browser without scripts posts it: rows added by posting back, nested errors beside their inputs.</summary>
public sealed class WorkspaceMeetingFormTests
{
    private TestApp _app = null!;
    private long _ministry;
    private long[] _agencies = [];
    private long _otherAgency;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        var given = new Given(_app);
        (_ministry, _agencies) = await given.MinistryWithAsync(2);
        (_, var others) = await given.MinistryWithAsync(1, "OTH");
        _otherAgency = others[0];
        await _app.UserAsync("min.fp", Role.FocalPoint, _ministry, language: "en");
        await _app.UserAsync("min.bn", Role.FocalPoint, _ministry, language: "bn");
        await _app.UserAsync("a1.fp", Role.FocalPoint, _agencies[0], language: "en");
        await _app.UserAsync("oth.fp", Role.FocalPoint, _otherAgency, language: "en");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private static string Form(long office, string kind = "SubordinateCoordination") =>
        $"/workspace/meetings/new?officeId={office}&fiscalYear=2024-25&quarter=1&kind={kind}";

    private static string Workspace(long office) => $"/workspace?officeId={office}&fiscalYear=2024-25&quarter=1";

    private static string? RowStatus(string html, string indicator) =>
        Regex.Match(html, $"<tr data-indicator=\"{Regex.Escape(indicator)}\" data-status=\"(\\w+)\"") is { Success: true } m ? m.Groups[1].Value : null;

    /// <summary>The seed minutes' first meeting as the form's inputs: two attendees, two agenda items, a follow-up for the first agency.</summary>
    private Dictionary<string, string> Meeting() => new()
    {
        ["kind"] = "SubordinateCoordination",
        ["title"] = "সিটিজেন চার্টার বিষয়ে ১ম ত্রৈমাসিক সভা",
        ["issuingUnit"] = "সিপি-৩ শাখা",
        ["heldOn"] = "2024-09-19",
        ["startTime"] = "11:00",
        ["venue"] = "সম্মেলন কক্ষ, ভবন নং-০৭",
        ["chair.name"] = "মোঃ পারভেজ হাসান",
        ["chair.designation"] = "যুগ্মসচিব",
        ["opening"] = "সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভার কাজ শুরু করেন।",
        ["attendees[0].name"] = "মো: আনিছুর রহমান",
        ["attendees[0].designation"] = "সিনিয়র সহকারী সচিব",
        ["attendees[0].office"] = "সিপি-৩ শাখা",
        ["attendees[0].attended"] = "true",
        ["attendees[1].name"] = "Rector's representative",
        ["attendees[1].designation"] = "Director",
        ["attendees[1].office"] = "BPATC",
        ["attendees[1].attended"] = "true",
        ["agenda[0].discussion"] = "ত্রৈমাসিকভিত্তিতে সেবা প্রদান প্রতিশ্রুতি হালনাগাদকরণ।",
        ["agenda[0].decision"] = "ফোকাল পয়েন্ট কর্মকর্তাগণ হালনাগাদ নিশ্চিত করবেন।",
        ["agenda[0].followUps[0].action"] = "Upload the updated charter to the portal",
        ["agenda[0].followUps[0].ownerOfficeId"] = _agencies[0].ToString(),
        ["agenda[0].followUps[0].dueOn"] = "2024-09-30",
        ["agenda[1].discussion"] = "পরিবীক্ষণ",
        ["agenda[1].decision"] = "পরিবীক্ষণ কমিটি নিয়মিত পরিবীক্ষণ করবে।",
        ["agenda[1].followUps[0].action"] = "",
        ["agenda[1].followUps[0].ownerOfficeId"] = "",
        ["agenda[1].followUps[0].dueOn"] = "",
        ["memoNumber"] = "০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৩৬",
        ["issuedOn"] = "2024-09-22",
        ["signatory.name"] = "মো: আনিছুর রহমান",
        ["signatory.designation"] = "সিনিয়র সহকারী সচিব",
        ["distribution"] = "মহাপরিচালক, বাংলাদেশ কর্মচারী কল্যাণ বোর্ড\r\nরেক্টর, বিপিএটিসি\r\n",
        ["hasEvidence"] = "true",
    };

    private static Dictionary<string, string> With(Dictionary<string, string> fields, params (string Name, string Value)[] changes)
    {
        var copy = new Dictionary<string, string>(fields);
        foreach (var (name, value) in changes) copy[name] = value;
        return copy;
    }

    [Test]
    public async Task Recording_a_meeting_with_two_attendees_two_agenda_items_and_a_follow_up_turns_1_3_1_Done_and_its_minutes_open()
    {
        var (ministry, agencies) = await new Given(_app).MinistryWithAsync(2, "FRESH");
        await _app.UserAsync("fresh.fp", Role.FocalPoint, ministry, language: "en");
        var client = await _app.SignInOnFormAsync("fresh.fp");
        var before = await client.PageAsync(Workspace(ministry));
        Assert.Multiple(() =>
        {
            Assert.That(RowStatus(before, "1.3.1"), Is.EqualTo("Pending"));
            Assert.That(before, Does.Contain($"href=\"{Form(ministry).Replace("&", "&amp;")}\""), "the checklist's Record button of 1.3.1 opens the meeting form with its kind");
        });

        var page = await client.PageAsync(Form(ministry));
        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("<option value=\"SubordinateCoordination\" selected>"), "the kind is preselected from the item");
            Assert.That(page, Does.Contain("name=\"attendees[1].name\""), "two attendance rows to start with");
            Assert.That(page, Does.Contain("name=\"agenda[0].followUps[0].dueOn\""));
            Assert.That(page, Does.Contain($"<option value=\"{agencies[1]}\">Office FRESH-A2</option>"), "a follow-up can be given to a subordinate office");
        });

        var fields = With(Meeting(), ("title", "The first quarterly meeting"), ("agenda[0].followUps[0].ownerOfficeId", agencies[0].ToString()));
        var response = await client.PostFormAsync(Form(ministry), WebClient.FormToken(page), fields);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(response.Headers.Location!.OriginalString, Does.Contain("saved=meeting"));
        var after = await client.PageAsync(response.Headers.Location!.OriginalString);

        var id = Sql.Query<long>(_app, "SELECT Id FROM Meetings WHERE OfficeId = @ministry", new { ministry }).Single();
        Assert.Multiple(() =>
        {
            Assert.That(RowStatus(after, "1.3.1"), Is.EqualTo("Done"));
            Assert.That(after, Does.Contain("Saved: meeting"));
            Assert.That(Sql.Count(_app, "MeetingAttendees", "MeetingId = @id", new { id }), Is.EqualTo(2));
            Assert.That(Sql.Count(_app, "MeetingAgendaItems", "MeetingId = @id", new { id }), Is.EqualTo(2), "the empty follow-up row of the second item is ignored");
            Assert.That(Sql.Query<(long Owner, string DueOn)>(_app, "SELECT OwnerOfficeId, DueOn FROM FollowUps WHERE MeetingId = @id", new { id }),
                Is.EqualTo(new[] { (agencies[0], "2024-09-30") }));
            Assert.That(Sql.Query<string>(_app, "SELECT Recipient FROM MeetingDistribution WHERE MeetingId = @id ORDER BY Seq", new { id }),
                Is.EqualTo(new[] { "মহাপরিচালক, বাংলাদেশ কর্মচারী কল্যাণ বোর্ড", "রেক্টর, বিপিএটিসি" }));
            Assert.That(Sql.Query<string>(_app, "SELECT MemoNumber FROM Meetings WHERE Id = @id", new { id }).Single(), Is.EqualTo("05.00.0000.197.16.001.24.136"));
            Assert.That(after, Does.Contain($"href=\"/api/v1/meetings/{id}/minutes.html?lang=bn\""));
            Assert.That(after, Does.Contain($"href=\"/api/v1/meetings/{id}/minutes.pdf?lang=en\""));
        });

        // The preview link works with the browser's cookie: the API routes take the sign-in cookie as well as a token.
        var minutes = await client.GetAsync($"/api/v1/meetings/{id}/minutes.html?lang=en");
        // The documents' renderer writes Bengali as character references.
        var html = WebUtility.HtmlDecode(await minutes.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(minutes.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(html, Does.Contain("The first quarterly meeting").And.Contain("সম্মেলন কক্ষ, ভবন নং-০৭"));
            Assert.That(html, Does.Contain("Rector's representative"));
            Assert.That(html, Does.Contain("ফোকাল পয়েন্ট কর্মকর্তাগণ হালনাগাদ নিশ্চিত করবেন।"));
        });
    }

    [Test]
    public async Task An_agency_records_a_stakeholder_awareness_meeting_and_1_2_2_turns_Done()
    {
        var client = await _app.SignInOnFormAsync("a1.fp");
        var workspace = await client.PageAsync(Workspace(_agencies[0]));
        Assert.That(workspace, Does.Contain($"href=\"{Form(_agencies[0], "StakeholderAwareness").Replace("&", "&amp;")}\""));
        var page = await client.PageAsync(Form(_agencies[0], "StakeholderAwareness"));
        Assert.That(page, Does.Contain("<option value=\"StakeholderAwareness\" selected>"));

        var fields = With(Meeting(), ("kind", "StakeholderAwareness"), ("agenda[0].followUps[0].ownerOfficeId", _agencies[0].ToString()));
        var response = await client.PostFormAsync(Form(_agencies[0], "StakeholderAwareness"), WebClient.FormToken(page), fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.That(RowStatus(await client.PageAsync(response.Headers.Location!.OriginalString), "1.2.2"), Is.EqualTo("Done"));
    }

    [Test]
    public async Task Adding_an_attendee_posts_back_one_more_empty_row_keeping_every_typed_value_and_saving_nothing()
    {
        var client = await _app.SignInOnFormAsync("min.fp");
        var page = await client.PageAsync(Form(_ministry));
        var typed = With(Meeting(), ("attendees[1].attended", ""), ("add", "attendee"));
        typed.Remove("attendees[1].attended");
        var meetings = Sql.Count(_app, "Meetings");

        var response = await client.PostFormAsync(Form(_ministry), WebClient.FormToken(page), typed);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "not an error: nothing was validated");
            Assert.That(html, Does.Not.Contain("error-summary"));
            foreach (var (name, value) in typed.Where(f => f.Key is not ("add" or "kind" or "opening" or "distribution") && !f.Key.EndsWith("attended", StringComparison.Ordinal)
                                                           && !f.Key.Contains(".discussion", StringComparison.Ordinal) && !f.Key.Contains(".decision", StringComparison.Ordinal)
                                                           && !f.Key.EndsWith("ownerOfficeId", StringComparison.Ordinal) && f.Key != "hasEvidence"))
            {
                // A date comes back day first (dd/mm/yyyy), as the forms show every date.
                var shown = DateOnly.TryParseExact(value, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var date)
                    ? date.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture)
                    : value;
                Assert.That(WebClient.InputValue(html, name), Is.EqualTo(shown), name);
            }
            Assert.That(TextareaValue(html, "agenda[1].decision"), Is.EqualTo("পরিবীক্ষণ কমিটি নিয়মিত পরিবীক্ষণ করবে।"));
            Assert.That(TextareaValue(html, "opening"), Is.EqualTo("সভাপতি উপস্থিত সকলকে স্বাগত জানিয়ে সভার কাজ শুরু করেন।"));
            Assert.That(html, Does.Contain($"<option value=\"{_agencies[0]}\" selected>"), "the follow-up's owner stays chosen");
            Assert.That(Checked(html, "attendees[0].attended"), Is.True);
            Assert.That(Checked(html, "attendees[1].attended"), Is.False, "an unticked box stays unticked");
            Assert.That(Checked(html, "attendees[2].attended"), Is.True, "the new row: attended by default");
            Assert.That(html, Does.Contain("name=\"attendees[2].name\" value=\"\""), "one more, empty, row");
            Assert.That(html, Does.Not.Contain("name=\"attendees[3].name\""));
            Assert.That(Sql.Count(_app, "Meetings"), Is.EqualTo(meetings), "nothing saved");
        });

        // A follow-up for the second agenda item, then an agenda item: each keeps what came before.
        var second = await client.PostFormAsync(Form(_ministry), WebClient.FormToken(html), With(typed, ("add", "agenda[1].followUps")));
        var withFollowUp = await second.Content.ReadAsStringAsync();
        var third = await client.PostFormAsync(Form(_ministry), WebClient.FormToken(withFollowUp), With(typed, ("add", "agenda"), ("agenda[1].followUps[1].action", "Second action")));
        var withItem = await third.Content.ReadAsStringAsync();
        Assert.Multiple(() =>
        {
            Assert.That(withFollowUp, Does.Contain("name=\"agenda[1].followUps[1].action\" value=\"\""));
            Assert.That(withItem, Does.Contain("name=\"agenda[2].discussion\""));
            Assert.That(withItem, Does.Contain("name=\"agenda[2].followUps[0].action\" value=\"\""), "a new agenda item comes with a follow-up row");
            Assert.That(WebClient.InputValue(withItem, "agenda[1].followUps[1].action"), Is.EqualTo("Second action"));
            Assert.That(Sql.Count(_app, "Meetings"), Is.EqualTo(meetings));
        });
    }

    [Test]
    public async Task An_attendee_without_a_name_and_a_follow_up_without_a_due_date_are_shown_beside_those_inputs_in_English()
    {
        var client = await _app.SignInOnFormAsync("min.fp");
        var page = await client.PageAsync(Form(_ministry));
        var meetings = Sql.Count(_app, "Meetings");

        var response = await client.PostFormAsync(Form(_ministry), WebClient.FormToken(page),
            With(Meeting(), ("attendees[1].name", ""), ("agenda[0].followUps[0].dueOn", "")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "attendees[1].name"), Does.Contain("The name is required."));
            Assert.That(WebClient.FieldError(html, "attendees[0].name"), Is.Empty);
            Assert.That(WebClient.FieldError(html, "agenda[0].followUps[0].dueOn"), Does.Contain("The follow-up's due date is required."));
            Assert.That(html, Does.Contain("href=\"#field-attendees\""), "the summary links to the attendance");
            Assert.That(WebClient.InputValue(html, "attendees[1].designation"), Is.EqualTo("Director"), "what was typed stays");
            Assert.That(WebClient.InputValue(html, "agenda[0].followUps[0].action"), Is.EqualTo("Upload the updated charter to the portal"));
            Assert.That(Sql.Count(_app, "Meetings"), Is.EqualTo(meetings));
        });
    }

    [Test]
    public async Task The_same_mistakes_are_explained_in_Bengali_to_a_Bengali_user()
    {
        var client = await _app.SignInOnFormAsync("min.bn");
        var page = await client.PageAsync(Form(_ministry));

        var response = await client.PostFormAsync(Form(_ministry), WebClient.FormToken(page),
            With(Meeting(), ("attendees[1].name", ""), ("agenda[0].followUps[0].dueOn", ""), ("agenda[0].followUps[0].ownerOfficeId", ""), ("startTime", "")));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.FieldError(html, "attendees[1].name"), Does.Contain("উপস্থিত ব্যক্তির নাম দিতে হবে।"));
            Assert.That(WebClient.FieldError(html, "agenda[0].followUps[0].dueOn"), Does.Contain("বাস্তবায়নের শেষ তারিখ দিতে হবে।"));
            Assert.That(WebClient.FieldError(html, "agenda[0].followUps[0].ownerOfficeId"), Does.Contain("কোন দপ্তর এটি বাস্তবায়ন করবে"));
            Assert.That(WebClient.FieldError(html, "startTime"), Does.Contain("সভা শুরুর সময়"));
            Assert.That(html, Does.Contain("নিচের বিষয়গুলো ঠিক করুন"));
            Assert.That(html, Does.Not.Contain("is required"), "no English left on a Bengali page");
        });
    }

    [Test]
    public async Task Empty_rows_are_dropped_on_save_and_an_error_lands_beside_the_row_as_it_is_shown_again()
    {
        var client = await _app.SignInOnFormAsync("min.fp");
        var page = await client.PageAsync(Form(_ministry));
        // Row 1 left empty between two typed rows; row 2 lacks its office.
        var fields = With(Meeting(), ("attendees[1].name", ""), ("attendees[1].designation", ""), ("attendees[1].office", ""),
            ("attendees[2].name", "Third person"), ("attendees[2].designation", "Deputy Director"), ("attendees[2].office", ""), ("attendees[2].attended", "true"));

        var response = await client.PostFormAsync(Form(_ministry), WebClient.FormToken(page), fields);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(WebClient.InputValue(html, "attendees[1].name"), Is.EqualTo("Third person"), "the empty row is gone, the rows below move up");
            Assert.That(WebClient.FieldError(html, "attendees[1].office"), Does.Contain("The office is required."));
            Assert.That(html, Does.Not.Contain("name=\"attendees[2].name\""));
        });
    }

    [Test]
    public async Task A_focal_point_cannot_open_or_post_another_agencys_meeting_form_nor_read_its_minutes()
    {
        var owner = await _app.SignInOnFormAsync("a1.fp");
        var own = await owner.PageAsync(Form(_agencies[0], "StakeholderAwareness"));
        var fields = With(Meeting(), ("kind", "StakeholderAwareness"), ("agenda[0].followUps[0].ownerOfficeId", _agencies[0].ToString()), ("title", "Access check meeting"));
        var saved = await owner.PostFormAsync(Form(_agencies[0], "StakeholderAwareness"), WebClient.FormToken(own), fields);
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var id = Sql.Query<long>(_app, "SELECT Id FROM Meetings WHERE Title = 'Access check meeting'").Single();

        var other = await _app.SignInOnFormAsync("oth.fp");
        var refused = await other.PageAsync(Form(_agencies[0], "StakeholderAwareness"), HttpStatusCode.Forbidden);
        var ownPage = await other.PageAsync(Form(_otherAgency, "StakeholderAwareness"));
        var posted = await other.PostFormAsync(Form(_agencies[0], "StakeholderAwareness"), WebClient.FormToken(ownPage), With(fields, ("title", "Foreign meeting")));
        var edit = await other.GetAsync($"/workspace/meetings/{id}/edit");
        var minutes = await other.GetAsync($"/api/v1/meetings/{id}/minutes.html?lang=bn");
        var pdf = await other.GetAsync($"/api/v1/meetings/{id}/minutes.pdf?lang=en");

        Assert.Multiple(() =>
        {
            Assert.That(refused, Does.Contain("You are not allowed to see this page."));
            Assert.That(posted.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(Sql.Count(_app, "Meetings", "Title = 'Foreign meeting'"), Is.Zero);
            Assert.That(edit.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(minutes.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    [Test]
    public async Task Editing_a_meeting_shows_its_rows_and_saves_a_changed_attendee()
    {
        var client = await _app.SignInOnFormAsync("min.fp");
        var page = await client.PageAsync(Form(_ministry));
        var saved = await client.PostFormAsync(Form(_ministry), WebClient.FormToken(page), With(Meeting(), ("title", "Meeting to edit")));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var id = Sql.Query<long>(_app, "SELECT Id FROM Meetings WHERE Title = 'Meeting to edit'").Single();

        var edit = await client.PageAsync($"/workspace/meetings/{id}/edit");
        Assert.Multiple(() =>
        {
            Assert.That(WebClient.InputValue(edit, "version"), Is.EqualTo("1"));
            Assert.That(WebClient.InputValue(edit, "attendees[1].name"), Is.EqualTo("Rector's representative"));
            Assert.That(WebClient.InputValue(edit, "agenda[0].followUps[0].action"), Is.EqualTo("Upload the updated charter to the portal"));
            Assert.That(WebClient.InputValue(edit, "startTime"), Is.EqualTo("11:00"));
            Assert.That(TextareaValue(edit, "distribution"), Does.StartWith("মহাপরিচালক, বাংলাদেশ কর্মচারী কল্যাণ বোর্ড\nরেক্টর, বিপিএটিসি"));
        });

        var fields = With(Meeting(), ("title", "Meeting to edit"), ("attendees[1].name", "Rector"), ("version", "1"));
        var response = await client.PostFormAsync($"/workspace/meetings/{id}/edit", WebClient.FormToken(edit), fields);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), await response.Content.ReadAsStringAsync());
        Assert.Multiple(() =>
        {
            Assert.That(Sql.Query<string>(_app, "SELECT Name FROM MeetingAttendees WHERE MeetingId = @id ORDER BY Seq", new { id }), Is.EqualTo(new[] { "মো: আনিছুর রহমান", "Rector" }));
            Assert.That(Sql.Query<long>(_app, "SELECT Version FROM Meetings WHERE Id = @id", new { id }).Single(), Is.EqualTo(2));
        });
    }

    [Test]
    [Category("Chromium")]
    public async Task The_minutes_pdf_link_of_a_new_meeting_downloads_a_pdf_with_the_browsers_cookie()
    {
        var client = await _app.SignInOnFormAsync("min.fp");
        var page = await client.PageAsync(Form(_ministry));
        var saved = await client.PostFormAsync(Form(_ministry), WebClient.FormToken(page), With(Meeting(), ("title", "Meeting for the PDF")));
        Assert.That(saved.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        var id = Sql.Query<long>(_app, "SELECT Id FROM Meetings WHERE Title = 'Meeting for the PDF'").Single();
        var workspace = await client.PageAsync(saved.Headers.Location!.OriginalString);
        Assert.That(workspace, Does.Contain($"href=\"/api/v1/meetings/{id}/minutes.pdf?lang=bn\""));

        var pdf = await client.GetAsync($"/api/v1/meetings/{id}/minutes.pdf?lang=bn");
        var bytes = await pdf.Content.ReadAsByteArrayAsync();

        Assert.Multiple(() =>
        {
            Assert.That(pdf.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(System.Text.Encoding.ASCII.GetString(bytes, 0, 5), Is.EqualTo("%PDF-"));
        });
    }

    private static string TextareaValue(string html, string name) =>
        Regex.Match(html, $"<textarea[^>]*name=\"{Regex.Escape(name)}\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline) is { Success: true } m
            ? WebUtility.HtmlDecode(m.Groups[1].Value)
            : throw new AssertionException($"No textarea named {name}.");

    private static bool Checked(string html, string name) =>
        Regex.Match(html, $"<input type=\"checkbox\"[^>]*name=\"{Regex.Escape(name)}\"[^>]*>") is { Success: true } m
            ? m.Value.Contains(" checked", StringComparison.Ordinal)
            : throw new AssertionException($"No checkbox named {name}.");
}
