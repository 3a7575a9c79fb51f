using System.Net;
using CharterTracker.Access;

namespace CharterTracker.Tests.Support;

/// <summary>Users with an email address and a language, created through the API as the administrator.</summary>
public static class People
{
    public static string EmailOf(string username) => $"{username}@example.gov.bd";

    public static async Task<long> UserAsync(this TestApp app, string username, Role role, long? officeId, bool withEmail = true, string language = "en")
    {
        var admin = await app.AsAdminAsync();
        var user = await admin.PostJsonAsync("/api/v1/users", new
        {
            username, password = "Password-" + username, displayName = username, role = role.ToString(), officeId,
            email = withEmail ? EmailOf(username) : null, language,
        }, HttpStatusCode.Created);
        return user.Id();
    }

    public static Task<HttpClient> SignInAsync(this TestApp app, string username) => app.AsAsync(username, "Password-" + username);
}
