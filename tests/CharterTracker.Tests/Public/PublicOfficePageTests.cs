using System.Net;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Public;

/// <summary>
/// The office's public page: anyone reads its current charter and the minutes its focal point marked for publication,
/// and nothing else. World: ministry M with agency A (charter v1 then v2; two meetings, one marked), and B (nothing
/// published). Today 15 Aug 2024.
/// </summary>
public sealed class PublicOfficePageTests
{
    private TestApp _app = null!;
    private HttpClient _anonymous = null!;
    private HttpClient _focal = null!;
    private long _published;
    private long _unpublished;
    private long _agency;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        var given = new Given(_app);
        var ministry = await given.OfficeAsync("M", kind: OfficeKind.Ministry);
        _agency = await given.OfficeAsync("AGY", ministry);
        await given.OfficeAsync("EMPTY", ministry);
        await PublishedCharters.PublishAsync(_app, _agency, 2, "2024-07-10", "পুরনো সেবা");
        await PublishedCharters.PublishAsync(_app, _agency, 3, "2024-08-10", "নাগরিক সনদ সেবা");
        _focal = await _app.AsNewUserAsync("agency.focal", Role.FocalPoint, _agency);
        await _focal.PostJsonAsync($"/api/v1/offices/{_agency}/charter-updates", Samples.CharterUpdate(), HttpStatusCode.Created);
        _published = (await _focal.PostJsonAsync($"/api/v1/offices/{_agency}/meetings",
            Samples.Meeting().With("kind", "StakeholderAwareness").With("title", "অংশীজনের সভা (প্রকাশিত)"), HttpStatusCode.Created)).Id();
        _unpublished = (await _focal.PostJsonAsync($"/api/v1/offices/{_agency}/meetings",
            Samples.Meeting().With("kind", "StakeholderAwareness").With("title", "অভ্যন্তরীণ সমন্বয় সভা (গোপন)"), HttpStatusCode.Created)).Id();
        await _focal.PutJsonAsync($"/api/v1/meetings/{_published}/publication", new { published = true }, HttpStatusCode.OK);
        _anonymous = _app.Anonymous();
    }

    [OneTimeTearDown]
    public async Task Stop()
    {
        _anonymous.Dispose();
        await _app.DisposeAsync();
    }

    [Test]
    public async Task Anyone_reads_the_current_charter_and_the_published_minutes_without_signing_in()
    {
        var response = await _anonymous.GetAsync("/public/offices/AGY");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), page);
            Assert.That(response.Content.Headers.ContentType!.MediaType, Is.EqualTo("text/html"));
            Assert.That(response.Headers.GetValues("Content-Security-Policy").Single(), Does.Contain("script-src 'self'"));
            Assert.That(response.Headers.Contains("Set-Cookie"), Is.False, "a public page sets no cookie");
            foreach (var expected in new[]
                     {
                         "দপ্তর AGY", "সেবা প্রদান প্রতিশ্রুতি", "দক্ষ ও জনবান্ধব প্রশাসন", "স্বচ্ছতা ও জবাবদিহির মাধ্যমে দ্রুত সেবা প্রদান",
                         "নাগরিক সনদ সেবা ১", "নাগরিক সনদ সেবা ৩", "৭ কার্যদিবস", "বিনামূল্যে", "সহকারী সচিব", "অভিযোগ নিষ্পত্তি কর্মকর্তা (অনিক)", "৩০ কার্যদিবস",
                         "স্বয়ংসম্পূর্ণ আবেদন জমা দিন", "২৬ শ্রাবণ ১৪৩১", "১০ আগস্ট ২০২৪", "সংস্করণ ২",
                         "অংশীজনের সভা (প্রকাশিত)", $"/public/minutes/{_published}",
                     })
            {
                Assert.That(page, Does.Contain(expected));
            }
        });
    }

    [Test]
    public async Task Nothing_private_is_on_the_public_page()
    {
        var page = await _anonymous.GetStringAsync("/public/offices/AGY");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Not.Contain("অভ্যন্তরীণ সমন্বয় সভা"), "minutes not marked for publication");
            Assert.That(page, Does.Not.Contain($"/public/minutes/{_unpublished}"));
            Assert.That(page, Does.Not.Contain("পুরনো সেবা"), "an earlier version of the charter");
            Assert.That(page, Does.Not.Contain("agency.focal").And.Not.Contain("admin"), "no user names");
            Assert.That(page, Does.Not.Contain("NIS-2024-0815"), "no other record");
            Assert.That(page, Does.Not.Contain("/api/").And.Not.Contain("/workspace").And.Not.Contain("/dashboard"), "no way into the signed-in site");
        });
    }

    [Test]
    public async Task The_page_reads_in_English_with_Bengali_where_no_English_was_given()
    {
        var page = await _anonymous.GetStringAsync("/public/offices/AGY?lang=en");

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Contain("Citizen&#x27;s Charter").Or.Contain("Citizen's Charter"));
            Assert.That(page, Does.Contain("An efficient, citizen-friendly administration"));
            Assert.That(page, Does.Contain("Service 1"));
            Assert.That(page, Does.Contain("৭ কার্যদিবস"), "no English time limit given: the Bengali text");
            Assert.That(page, Does.Contain("10 August 2024"));
        });
    }

    [Test]
    public async Task Published_minutes_are_public_and_others_are_not_found()
    {
        var published = await _anonymous.GetAsync($"/public/minutes/{_published}");
        var unpublished = await _anonymous.GetAsync($"/public/minutes/{_unpublished}");
        var text = await published.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(published.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(text, Does.Contain("মোঃ পারভেজ হাসান").Or.Contain("&#x9AE;"));
            Assert.That(unpublished.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Unknown_codes_and_offices_that_published_nothing_are_not_found()
    {
        var unknown = await _anonymous.GetAsync("/public/offices/NOPE");
        var empty = await _anonymous.GetAsync("/public/offices/EMPTY");

        Assert.Multiple(() =>
        {
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(empty.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }

    [Test]
    public async Task Taking_minutes_off_the_page_hides_them_and_is_audited()
    {
        var meeting = (await _focal.PostJsonAsync($"/api/v1/offices/{_agency}/meetings", Samples.Meeting().With("kind", "StakeholderAwareness").With("title", "ক্ষণিকের সভা"), HttpStatusCode.Created)).Id();
        await _focal.PutJsonAsync($"/api/v1/meetings/{meeting}/publication", new { published = true }, HttpStatusCode.OK);
        var shown = await _anonymous.GetStringAsync("/public/offices/AGY");
        var off = await _focal.PutJsonAsync($"/api/v1/meetings/{meeting}/publication", new { published = false }, HttpStatusCode.OK);
        var hidden = await _anonymous.GetStringAsync("/public/offices/AGY");
        var gone = await _anonymous.GetAsync($"/public/minutes/{meeting}");

        Assert.Multiple(() =>
        {
            Assert.That(shown, Does.Contain("ক্ষণিকের সভা"));
            Assert.That(off.GetProperty("published").GetBoolean(), Is.False);
            Assert.That(hidden, Does.Not.Contain("ক্ষণিকের সভা"));
            Assert.That(gone.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(Sql.Count(_app, "AuditLog", "Action = 'SetMinutesPublication' AND EntityId = @meeting", new { meeting }), Is.EqualTo(2));
        });
    }

    [Test]
    public async Task Withdrawn_minutes_leave_the_page()
    {
        var meeting = await _focal.PostJsonAsync($"/api/v1/offices/{_agency}/meetings", Samples.Meeting().With("kind", "StakeholderAwareness").With("title", "ভুল করে লেখা সভা"), HttpStatusCode.Created);
        await _focal.PutJsonAsync($"/api/v1/meetings/{meeting.Id()}/publication", new { published = true }, HttpStatusCode.OK);
        await _focal.PostJsonAsync($"/api/v1/meetings/{meeting.Id()}/withdraw", new { reason = "দুবার লেখা", version = 1 }, HttpStatusCode.OK);

        var page = await _anonymous.GetStringAsync("/public/offices/AGY");
        var again = await _focal.PutJsonAsync($"/api/v1/meetings/{meeting.Id()}/publication", new { published = true }, HttpStatusCode.Conflict);

        Assert.Multiple(() =>
        {
            Assert.That(page, Does.Not.Contain("ভুল করে লেখা সভা"));
            Assert.That(again.Str("detail"), Does.Contain("withdrawn"));
        });
    }
}
