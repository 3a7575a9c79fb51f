using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using Microsoft.Playwright;

namespace CharterTracker.Tests.Web;

/// <summary>
/// The meeting form in a real browser (Debian's Chromium, headless): with scripts the "add" buttons add rows in place,
/// renumbered and focused; the record saves and its minutes open from the workspace. Screenshots of the forms, the
/// records and the history go to /tmp/ct-screens/.
/// </summary>
[Category("Chromium")]
[NonParallelizable]
public sealed class WorkspaceBrowserTests
{
    private const string Screens = Browser.Screens;
    private TestApp _app = null!;
    private Browser _browser = null!;
    private long _ministry;
    private long[] _agencies = [];

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 9, 25));
        (_ministry, _agencies) = await new Given(_app).MinistryWithAsync(2);
        await _app.UserAsync("min.fp", Role.FocalPoint, _ministry, language: "bn");
        _browser = await Browser.LaunchAsync();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        if (_browser is not null) await _browser.DisposeAsync();
        await _app.DisposeAsync();
    }

    private Task<IPage> SignInAsync(string username, int width = 1280) => _browser.SignInAsync(_app, username, "/workspace", "/workspace", width);

    [Test]
    public async Task With_scripts_the_add_buttons_add_renumbered_rows_in_place_and_the_meeting_saves_with_them()
    {
        var page = await SignInAsync("min.fp");
        await page.GotoAsync($"/workspace?officeId={_ministry}&fiscalYear=2024-25&quarter=1&lang=en");
        await page.Locator("tr[data-indicator='1.3.1']").GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Record") }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("/workspace/meetings/new"));

        await page.GetByLabel("Title").FillAsync("Quarterly meeting, recorded in a browser");
        await page.GetByLabel("Start time").FillAsync("11:00");
        await page.GetByLabel("Venue").FillAsync("Conference room");
        var chair = page.GetByRole(AriaRole.Group, new() { Name = "Chair", Exact = true });
        await chair.GetByLabel("Name").FillAsync("Md. Parvez Hasan");
        await chair.GetByLabel("Designation").FillAsync("Joint Secretary");
        await page.Locator("#field-attendees-0--name").FillAsync("First attendee");
        await page.Locator("#field-attendees-0--designation").FillAsync("Senior Assistant Secretary");
        await page.Locator("#field-attendees-0--office").FillAsync("CP-3");
        await page.Locator("#field-attendees-1--name").FillAsync("Second attendee");
        await page.Locator("#field-attendees-1--designation").FillAsync("Director");
        await page.Locator("#field-attendees-1--office").FillAsync("BPATC");

        // The script adds the third row in place: no round trip, the typed rows untouched, the new one focused and renumbered.
        var url = page.Url;
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another attendee" }).ClickAsync();
        var third = page.Locator("#field-attendees-2--name");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(page.Url, Is.EqualTo(url));
            Assert.That(await third.GetAttributeAsync("name"), Is.EqualTo("attendees[2].name"));
            Assert.That(await third.InputValueAsync(), Is.Empty);
            Assert.That(await third.EvaluateAsync<bool>("e => e === document.activeElement"), Is.True, "the new row has the focus");
            Assert.That(await page.Locator("label[for='field-attendees-2--office']").InnerTextAsync(), Is.EqualTo("Office"));
            Assert.That(await page.Locator("fieldset[data-row='attendees[2]'] legend").InnerTextAsync(), Is.EqualTo("Attendee 3"));
            Assert.That(await page.Locator("#field-attendees-1--name").InputValueAsync(), Is.EqualTo("Second attendee"));
            Assert.That(await page.Locator("#field-attendees-2--attended").IsCheckedAsync(), Is.True);
        });
        await third.FillAsync("Third attendee");
        await page.Locator("#field-attendees-2--designation").FillAsync("Deputy Director");
        await page.Locator("#field-attendees-2--office").FillAsync("NAPD");

        await page.Locator("#field-agenda-0--discussion").FillAsync("Updating the charter every quarter");
        await page.Locator("#field-agenda-0--decision").FillAsync("Focal points will update their offices' charters");
        await page.Locator("#field-agenda-0--followUps-0--action").FillAsync("Upload the updated charter");
        await page.Locator("#field-agenda-0--followUps-0--ownerOfficeId").SelectOptionAsync(_agencies[0].ToString());
        await page.Locator("#field-agenda-0--followUps-0--dueOn").FillAsync("2024-09-30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another agenda item" }).ClickAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("fieldset[data-row='agenda[1]'] > legend").InnerTextAsync(), Is.EqualTo("Agenda item 2"));
            Assert.That(await page.Locator("#field-agenda-1--followUps-0--action").InputValueAsync(), Is.Empty, "the copied item comes with one empty follow-up row");
            Assert.That(await page.Locator("#field-agenda-1--followUps-0--ownerOfficeId").InputValueAsync(), Is.Empty);
            Assert.That(await page.Locator("[data-add='agenda[1].followUps']").InnerTextAsync(), Is.EqualTo("Add a follow-up to agenda item 2"));
        });
        await page.Locator("#field-agenda-1--discussion").FillAsync("Monitoring");
        await page.Locator("#field-agenda-1--decision").FillAsync("The committee will monitor every quarter");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a follow-up to agenda item 2" }).ClickAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("#field-agenda-1--followUps-1--action").GetAttributeAsync("name"), Is.EqualTo("agenda[1].followUps[1].action"));
            Assert.That(await page.Locator("#field-agenda-0--followUps-1--action").CountAsync(), Is.Zero, "the first item's follow-ups are untouched");
        });
        await page.GetByLabel("The evidence is held on paper").CheckAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "meeting-form-en.png"), FullPage = true });

        await page.GetByRole(AriaRole.Button, new() { Name = "Save", Exact = true }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("saved=meeting"));
        var id = Sql.Query<long>(_app, "SELECT Id FROM Meetings WHERE Title = 'Quarterly meeting, recorded in a browser'").Single();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("tr[data-indicator='1.3.1']").GetAttributeAsync("data-status"), Is.EqualTo("Done"));
            Assert.That(Sql.Query<string>(_app, "SELECT Name FROM MeetingAttendees WHERE MeetingId = @id ORDER BY Seq", new { id }),
                Is.EqualTo(new[] { "First attendee", "Second attendee", "Third attendee" }));
            Assert.That(Sql.Count(_app, "MeetingAgendaItems", "MeetingId = @id", new { id }), Is.EqualTo(2));
            Assert.That(Sql.Count(_app, "FollowUps", "MeetingId = @id", new { id }), Is.EqualTo(1), "the empty follow-up rows are dropped");
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "workspace-records-en.png"), FullPage = true });

        // The minutes preview opens from the records table with the same cookie.
        var preview = await page.Context.RunAndWaitForPageAsync(async () =>
        {
            await page.EvaluateAsync("() => document.querySelectorAll('a[data-document]').forEach(a => a.target = '_blank')");
            await page.Locator($"tr[data-record='Meeting-{id}']").GetByRole(AriaRole.Link, new() { Name = "Preview the minutes (English)" }).ClickAsync();
        });
        await preview.WaitForLoadStateAsync();
        Assert.That(await preview.Locator("body").InnerTextAsync(), Does.Contain("Quarterly meeting, recorded in a browser"));
        await preview.CloseAsync();

        await page.GotoAsync($"/workspace?officeId={_ministry}&fiscalYear=2024-25&quarter=1&lang=bn");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "workspace-records-bn.png"), FullPage = true });
        await page.SetViewportSizeAsync(390, 844);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "workspace-records-bn-phone.png"), FullPage = true });
        await page.GotoAsync($"/workspace/meetings/{id}/edit");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "meeting-edit-bn-phone.png"), FullPage = true });

        // Corrected from the phone: the history shows both versions, the venue marked as changed.
        await page.Locator("#field-venue").FillAsync("সম্মেলন কক্ষ, ভবন নং-০৭");
        await page.GetByRole(AriaRole.Button, new() { Name = "সংরক্ষণ", Exact = true }).ClickAsync();
        await page.ArrivesAtAsync(new Regex("saved=meeting"));
        await page.GotoAsync($"/workspace/meetings/{id}/history");
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("section[data-version='2'] tr[data-field='venue']").GetAttributeAsync("class"), Is.EqualTo("changed"));
            Assert.That(await page.Locator("section[data-version='1'] tr[data-field='venue'] td").InnerTextAsync(), Is.EqualTo("Conference room"));
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "meeting-history-bn-phone.png"), FullPage = true });
        await page.SetViewportSizeAsync(1280, 900);
        await page.GotoAsync($"/workspace/meetings/{id}/history?lang=en");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "meeting-history-en.png"), FullPage = true });
        await page.Context.CloseAsync();
    }

    [Test]
    public async Task Without_scripts_the_add_button_posts_back_and_the_page_returns_to_the_list()
    {
        var page = await _browser.SignInAsync(_app, "min.fp", "/workspace", "/workspace", width: 390, scripts: false);

        await page.GotoAsync($"/workspace/meetings/new?officeId={_ministry}&fiscalYear=2024-25&quarter=1&kind=SubordinateCoordination&lang=bn");
        await page.Locator("#field-venue").FillAsync("সম্মেলন কক্ষ");
        await page.Locator("#field-attendees-1--name").FillAsync("দ্বিতীয় জন");
        await page.GetByRole(AriaRole.Button, new() { Name = "আরও একজন যোগ করুন" }).ClickAsync();
        // Back at the list the row was added to.
        await page.ArrivesAtAsync(new Regex("#field-attendees$"));

        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("#field-attendees-2--name").InputValueAsync(), Is.Empty);
            Assert.That(await page.Locator("#field-attendees-1--name").InputValueAsync(), Is.EqualTo("দ্বিতীয় জন"));
            Assert.That(await page.Locator("#field-venue").InputValueAsync(), Is.EqualTo("সম্মেলন কক্ষ"));
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "meeting-form-bn-phone.png"), FullPage = true });

        // Saved without the required fields: the empty rows go, the one typed row moves up, and the errors are in
        // Bengali, beside their inputs.
        await page.GetByRole(AriaRole.Button, new() { Name = "সংরক্ষণ", Exact = true }).ClickAsync();
        await page.Locator(".error-summary").WaitForAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(await page.Locator("#field-attendees-0--name").InputValueAsync(), Is.EqualTo("দ্বিতীয় জন"));
            Assert.That(await page.Locator("[data-field='attendees[0].designation'] .field-error").InnerTextAsync(), Does.Contain("উপস্থিত ব্যক্তির পদবি দিতে হবে।"));
            Assert.That(await page.Locator("[data-field='chair.name'] .field-error").InnerTextAsync(), Does.Contain("সভাপতির নাম দিতে হবে।"));
        });
        await page.ScreenshotAsync(new() { Path = Path.Combine(Screens, "meeting-form-errors-bn-phone.png"), FullPage = true });
        await page.Context.CloseAsync();
    }
}
