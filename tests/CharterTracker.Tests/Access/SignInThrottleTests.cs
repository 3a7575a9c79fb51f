using System.Net;
using System.Net.Http.Json;
using CharterTracker.Access;
using CharterTracker.Tests.Support;
using CharterTracker.Tests.Web;

namespace CharterTracker.Tests.Access;

/// <summary>
/// Wrong passwords lock a username (and a client address) out for a while, on the token route and on the form, with
/// 429 and Retry-After; failures are audited; right passwords, and other users, are not held back.
/// </summary>
public sealed class SignInThrottleTests
{
    private TestApp _app = null!;

    [SetUp]
    public async Task Start() => _app = await TestApp.StartAsync();

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<HttpResponseMessage> TokenAsync(string username, string password)
    {
        using var anonymous = _app.Anonymous();
        return await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username, password });
    }

    [Test]
    public async Task Wrong_passwords_on_the_token_route_lock_the_username_with_429_and_retry_after_even_for_the_right_password()
    {
        var office = await new Given(_app).OfficeAsync();
        await _app.UserAsync("target", Role.Viewer, office);
        await _app.UserAsync("bystander", Role.Viewer, office);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        for (var i = 0; i < 12; i++)
        {
            last = await TokenAsync("target", $"Wrong-password-{i}");
            statuses.Add(last.StatusCode);
        }
        var problem = await last.JsonAsync(HttpStatusCode.TooManyRequests);
        var rightPassword = await TokenAsync("target", "Password-target");
        var otherUser = await TokenAsync("bystander", "Password-bystander");

        Assert.Multiple(() =>
        {
            Assert.That(statuses.Take(5), Is.All.EqualTo(HttpStatusCode.Unauthorized), "the first five are judged");
            Assert.That(statuses.Skip(5), Is.All.EqualTo(HttpStatusCode.TooManyRequests), "then the username is locked");
            Assert.That(last.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(429));
            Assert.That(problem.Str("detail"), Does.Contain("Too many failed sign-ins"));
            Assert.That(last.Headers.RetryAfter?.Delta, Is.EqualTo(TimeSpan.FromMinutes(15)));
            Assert.That(rightPassword.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "locked means locked, right password or not");
            Assert.That(otherUser.StatusCode, Is.EqualTo(HttpStatusCode.OK), "another user signs in as usual");
        });

        _app.Clock.Set(_app.Clock.GetUtcNow().AddMinutes(16));
        Assert.That((await TokenAsync("target", "Password-target")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the lock-out ends");
    }

    [Test]
    public async Task The_form_locks_out_too_and_says_so_in_both_languages()
    {
        using var browser = _app.NewBrowser();
        var first = new List<HttpStatusCode>();
        for (var i = 0; i < 5; i++) first.Add((await browser.PostLoginAsync("admin", $"Wrong-password-{i}")).StatusCode);

        var locked = await browser.PostLoginAsync("admin", TestApp.AdminPassword);
        var html = await locked.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That(first, Is.All.EqualTo(HttpStatusCode.Redirect));
            Assert.That(locked.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(locked.Headers.RetryAfter?.Delta, Is.Not.Null);
            Assert.That(html, Does.Contain("Too many failed sign-ins"));
            Assert.That(html, Does.Contain("ব্যর্থ প্রবেশের চেষ্টা অনেক বেশি"));
            Assert.That(html, Does.Contain("name=\"__RequestVerificationToken\""), "the form is there to try again later");
        });
    }

    [Test]
    public async Task Failed_sign_ins_are_audited_without_the_password_and_right_ones_are_not_counted()
    {
        for (var i = 0; i < 10; i++) Assert.That((await TokenAsync("admin", TestApp.AdminPassword)).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        for (var i = 0; i < 4; i++) await TokenAsync("admin", "Wrong-password-" + i);
        Assert.That((await TokenAsync("admin", TestApp.AdminPassword)).StatusCode, Is.EqualTo(HttpStatusCode.OK), "four failures do not lock");
        for (var i = 0; i < 4; i++) await TokenAsync("admin", "Wrong-again-" + i);

        var ok = await TokenAsync("admin", TestApp.AdminPassword);
        var audited = Sql.Query<(string Username, string Outcome, string Payload)>(_app, "SELECT Username, Outcome, Payload FROM AuditLog WHERE Action = 'SignIn'");

        Assert.Multiple(() =>
        {
            Assert.That(ok.StatusCode, Is.EqualTo(HttpStatusCode.OK), "a right password cleared the username's failures");
            Assert.That(audited, Has.Count.EqualTo(8), "each failure, none of the successes");
            Assert.That(audited.Select(a => (a.Username, a.Outcome)), Is.All.EqualTo(("anonymous", "Rejected")));
            Assert.That(audited.Select(a => a.Payload), Is.All.Contains("\"username\":\"admin\"").And.All.Contains("127.0.0.1"));
            Assert.That(audited.Select(a => a.Payload), Has.None.Contains("Wrong"), "the password tried is never stored");
        });
    }

    [Test]
    public async Task Failures_from_one_address_across_many_usernames_lock_the_address()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Charter:SignIn:MaxFailuresPerAddress"] = "6" });
        using var anonymous = app.Anonymous();
        var sprayed = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++) sprayed.Add((await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = $"guess{i}", password = "Spring-2025!" })).StatusCode);

        var admin = await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = TestApp.AdminPassword });

        Assert.Multiple(() =>
        {
            Assert.That(sprayed.Take(6), Is.All.EqualTo(HttpStatusCode.Unauthorized));
            Assert.That(sprayed.Skip(6), Is.All.EqualTo(HttpStatusCode.TooManyRequests), "unknown usernames count like known ones");
            Assert.That(admin.StatusCode, Is.EqualTo(HttpStatusCode.TooManyRequests), "the address is locked for a while");
        });
    }

    [Test]
    public async Task The_rate_limiter_turns_away_a_flood_of_sign_ins_from_one_address_with_429_problem_details()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Charter:SignIn:AttemptsPerMinutePerAddress"] = "3" });
        using var anonymous = app.Anonymous();
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 5; i++) answers.Add(await anonymous.PostAsJsonAsync("/api/v1/auth/token", new { username = "admin", password = TestApp.AdminPassword }));

        var refused = answers[^1];
        var problem = await refused.JsonAsync(HttpStatusCode.TooManyRequests);
        Assert.Multiple(() =>
        {
            Assert.That(answers.Take(3).Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
            Assert.That(answers.Skip(3).Select(a => a.StatusCode), Is.All.EqualTo(HttpStatusCode.TooManyRequests));
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(429));
            Assert.That(refused.Headers.RetryAfter?.Delta, Is.GreaterThan(TimeSpan.Zero));
        });
    }

    [Test]
    public async Task A_password_longer_than_256_characters_is_refused_when_set_and_fails_at_sign_in()
    {
        var admin = await _app.AsAdminAsync();
        var problem = await admin.PostJsonAsync("/api/v1/users",
            new { username = "longpass", password = new string('x', 257), displayName = "Long", role = "SystemAdmin" }, HttpStatusCode.BadRequest);
        var exactly = await admin.PostJsonAsync("/api/v1/users",
            new { username = "maxpass", password = new string('y', 256), displayName = "Max", role = "SystemAdmin" }, HttpStatusCode.Created);

        var huge = await TokenAsync("admin", new string('z', 1_000_000));

        Assert.Multiple(() =>
        {
            Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "password" }));
            Assert.That(problem.GetProperty("errors").GetProperty("password")[0].GetString(), Is.EqualTo("A password is at most 256 characters."));
            Assert.That(exactly.Str("username"), Is.EqualTo("maxpass"));
            Assert.That(huge.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        });
        Assert.That((await TokenAsync("maxpass", new string('y', 256))).StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }
}
