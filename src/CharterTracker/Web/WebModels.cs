using CharterTracker.Access;

namespace CharterTracker.Web;

/// <summary>What every page's frame shows: title, user, the link to the same page in the other language, a "saved" note.</summary>
public sealed record PageFrame(WebText Text, string Title, string UserName, string SwitchLanguageUrl, string? Active = null, Role? Role = null, string? Flash = null,
    string SignOutToken = "");

public sealed record PeriodLink(string Label, string Url, bool Current);

public sealed record Crumb(string Name, string Url);
