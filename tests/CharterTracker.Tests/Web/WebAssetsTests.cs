using System.Net;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Web;

/// <summary>The pages' one stylesheet: linked by every page, served to anyone, cached until its text changes.</summary>
public sealed class WebAssetsTests
{
    private TestApp _app = null!;
    private long _ministry;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        (_ministry, _) = await new Given(_app).MinistryWithAsync(1);
        await _app.UserAsync("committee", Role.MonitoringCommittee, _ministry, language: "en");
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [Test]
    public async Task A_page_links_the_stylesheet_by_a_versioned_url_that_is_cached_for_a_year()
    {
        var committee = await _app.SignInOnFormAsync("committee");
        var html = await committee.PageAsync("/dashboard");
        var href = Regex.Match(html, "<link rel=\"stylesheet\" href=\"(/assets/site\\.css\\?v=[0-9a-f]{12})\"").Groups[1].Value;
        Assert.That(href, Is.Not.Empty, "the frame links the stylesheet");

        using var anonymous = _app.Anonymous();
        var response = await anonymous.GetAsync(href);
        var css = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), "the sign-in page needs it before anyone signs in");
            Assert.That(response.Content.Headers.ContentType?.ToString(), Is.EqualTo("text/css; charset=utf-8"));
            Assert.That(response.Headers.CacheControl?.ToString(), Is.EqualTo("public, max-age=31536000, immutable"));
            Assert.That(css.IndexOf("/* site.css */", StringComparison.Ordinal), Is.Zero, "the frame's styles come first");
            Assert.That(css, Does.Contain("/* dashboard.css */").And.Contain("/* workspace.css */"), "each area's file is part of it");
            Assert.That(css, Does.Contain(".status-missed"));
        });
    }

    [Test]
    public async Task A_stale_or_unversioned_stylesheet_url_is_revalidated_and_an_unknown_asset_is_404()
    {
        using var anonymous = _app.Anonymous();
        var stale = await anonymous.GetAsync("/assets/site.css?v=000000000000");
        var etag = stale.Headers.ETag!;
        var again = new HttpRequestMessage(HttpMethod.Get, "/assets/site.css");
        again.Headers.IfNoneMatch.Add(etag);
        var notModified = await anonymous.SendAsync(again);
        var unknown = await anonymous.GetAsync("/assets/nothing.css");

        Assert.Multiple(() =>
        {
            Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(stale.Headers.CacheControl?.ToString(), Is.EqualTo("no-cache"));
            Assert.That(notModified.StatusCode, Is.EqualTo(HttpStatusCode.NotModified));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        });
    }
}
