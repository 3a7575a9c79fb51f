using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CharterTracker.Tests.Support;
using CharterTracker.Tests.Web;

namespace CharterTracker.Tests.Pipeline;

/// <summary>
/// A form or body over the server's limits (a field over 4 MB, more than 1,024 fields, a JSON body over Kestrel's
/// request size) is the client's mistake: 413 problem details on the API, a page saying so on the web, never a 500.
/// </summary>
public sealed class FormLimitTests
{
    private TestApp _app = null!;

    [OneTimeSetUp]
    public async Task Start() => _app = await TestApp.StartAsync();

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private static FormUrlEncodedContent ManyFields(int count, string? token = null)
    {
        var fields = Enumerable.Range(0, count).Select(i => KeyValuePair.Create($"f{i}", "x")).ToList();
        if (token is not null) fields.Insert(0, KeyValuePair.Create("__RequestVerificationToken", token));
        return new FormUrlEncodedContent(fields);
    }

    private static MultipartFormDataContent ManyParts(int count)
    {
        var form = new MultipartFormDataContent();
        for (var i = 0; i < count; i++) form.Add(new StringContent("x"), $"f{i}");
        var file = new ByteArrayContent(Encoding.ASCII.GetBytes("%PDF-1.4\n%%EOF\n"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "minutes.pdf");
        return form;
    }

    private static async Task AssertTooLargeProblemAsync(HttpResponseMessage response, string what)
    {
        var problem = await response.JsonAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Multiple(() =>
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), what);
            Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo(413), what);
        });
    }

    [Test]
    public async Task The_sign_in_form_with_a_field_over_4_MB_or_over_1024_fields_is_answered_413_with_the_form()
    {
        using var anonymous = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };

        var longField = await anonymous.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = "admin", ["password"] = new string('p', 4 * 1024 * 1024 + 1),
        }));
        var manyFields = await anonymous.PostAsync("/login", ManyFields(1100));

        foreach (var (response, what) in new[] { (longField, "a 4 MB field"), (manyFields, "1,100 fields") })
        {
            var html = await response.Content.ReadAsStringAsync();
            Assert.Multiple(() =>
            {
                Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge), what);
                Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"), what);
                Assert.That(html, Does.Contain("The form was too large"), what);
            });
        }
    }

    [Test]
    public async Task An_evidence_upload_with_over_1024_fields_is_413_problem_details()
    {
        var admin = await _app.AsAdminAsync();

        var response = await admin.PostAsync("/api/v1/evidence", ManyParts(1100));

        await AssertTooLargeProblemAsync(response, "multipart evidence");
    }

    [Test]
    public async Task An_office_import_form_with_over_1024_fields_is_413_problem_details_and_imports_nothing()
    {
        var admin = await _app.AsAdminAsync();
        var offices = Sql.Count(_app, "Offices");

        var response = await admin.PostAsync("/api/v1/offices/import", ManyFields(1100));

        await AssertTooLargeProblemAsync(response, "urlencoded import");
        Assert.That(Sql.Count(_app, "Offices"), Is.EqualTo(offices));
    }

    [Test]
    public async Task A_json_body_over_the_request_size_limit_is_413_problem_details()
    {
        var admin = await _app.AsAdminAsync();
        // Kestrel's default limit is 30,000,000 bytes.
        var body = "{\"code\":\"BIG\",\"nameBn\":\"" + new string('ক', 11_000_000) + "\",\"nameEn\":\"Big\",\"kind\":\"Ministry\"}";

        // Sent chunked, as a client streaming its body does: the server finds out while reading, past the limit.
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/offices") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.TransferEncodingChunked = true;
        var response = await admin.SendAsync(request);

        await AssertTooLargeProblemAsync(response, "a 33 MB JSON body");
    }

    [Test]
    public async Task A_page_form_over_1024_fields_gets_the_friendly_error_page()
    {
        var browser = await _app.SignInOnFormAsync("admin", TestApp.AdminPassword);
        var token = Web.WebClient.FormToken(await browser.PageAsync("/dashboard?lang=en"));

        var response = await browser.PostAsync("/workspace/trainings/new?lang=en", ManyFields(1100, token));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Multiple(() =>
        {
            Assert.That((int)response.StatusCode, Is.AnyOf(400, 413), html);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("text/html"));
            Assert.That(html, Does.Contain("action=\"/logout\""), "the site's own page, with its frame");
        });
    }
}
