using System.Net;
using CharterTracker.Tests.Support;
using CharterTracker.Tests.Web;

namespace CharterTracker.Tests.Access;

/// <summary>The login form never answers 500 for what a browser (or an attacker) sends it.</summary>
public sealed class LoginFormTests
{
    private TestApp _app = null!;

    [SetUp]
    public async Task Start() => _app = await TestApp.StartAsync();

    [TearDown]
    public async Task Stop() => await _app.DisposeAsync();

    private async Task<HttpResponseMessage> PostLoginAsync(HttpContent content)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = _app.BaseAddress };
        return await client.PostAsync("/login", content);
    }

    [TestCase("/a\nb", "/")]
    [TestCase("/a\r\nSet-Cookie: x=1", "/")]
    [TestCase("/কার্যবিবরণী", "/%E0%A6%95%E0%A6%BE%E0%A6%B0%E0%A7%8D%E0%A6%AF%E0%A6%AC%E0%A6%BF%E0%A6%AC%E0%A6%B0%E0%A6%A3%E0%A7%80")]
    [TestCase("/meetings?id=1", "/meetings?id=1")]
    public async Task A_return_address_is_followed_only_as_a_safe_local_path(string returnUrl, string expected)
    {
        using var client = _app.NewBrowser();
        var response = await client.PostLoginAsync("admin", TestApp.AdminPassword, returnUrl);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo(expected));
    }

    [Test]
    public async Task A_login_post_that_is_not_a_form_is_sent_back_to_the_form()
    {
        var response = await PostLoginAsync(new StringContent("{\"username\":\"admin\"}", System.Text.Encoding.UTF8, "application/json"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));
        Assert.That(response.Headers.Location!.OriginalString, Is.EqualTo("/login?error=1"));
    }
}
