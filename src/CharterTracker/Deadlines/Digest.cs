using System.Globalization;
using System.Text;
using CharterTracker.Calendar;

namespace CharterTracker.Deadlines;

/// <summary>An outbox row about to be written: one recipient's digest of everything a run owes them.</summary>
public sealed record DigestMessage(long UserId, string? Email, string Subject, string Body, DateTime CreatedAtUtc, DateTime? NextAttemptAtUtc);

/// <summary>Writes a recipient's digest in their language (<c>bn</c> or <c>en</c>), grouped by kind, most urgent first.</summary>
public static class Digest
{
    public static string ReminderKind(int daysBefore) => $"{NoticeKind.Reminder}{daysBefore.ToString(CultureInfo.InvariantCulture)}";

    public static DigestMessage Write(IReadOnlyList<Notice> notices, DateOnly today, DateTime now)
    {
        var first = notices[0];
        var bn = first.Language == "bn";
        var body = new StringBuilder();
        body.AppendLine(bn ? $"প্রিয় {first.DisplayName}," : $"Dear {first.DisplayName},").AppendLine();
        foreach (var group in notices.GroupBy(n => n.Kind).OrderBy(g => Urgency(g.Key)))
        {
            body.AppendLine(Heading(group.Key, bn));
            foreach (var notice in group.OrderBy(n => n.DueOn).ThenBy(n => n.OfficeCode, StringComparer.Ordinal).ThenBy(n => n.IndicatorCode, StringComparer.Ordinal))
            {
                body.AppendLine(Line(notice, today, bn));
            }
            body.AppendLine();
        }
        body.Append(bn
            ? "CharterTracker-এ দাখিল করুন। এই বার্তাটি আপনার নোটিফিকেশন তালিকাতেও আছে।"
            : "Please record them in CharterTracker. This message is also in your notifications.");

        var count = notices.Count;
        var subject = bn
            ? $"সেবা প্রদান প্রতিশ্রুতি: {BengaliDigits.ToBengali(count)}টি বিষয়ে আপনার দৃষ্টি প্রয়োজন"
            : $"CharterTracker: {count} item{(count == 1 ? "" : "s")} need{(count == 1 ? "s" : "")} your attention";
        var email = string.IsNullOrWhiteSpace(first.Email) ? null : first.Email.Trim();
        return new DigestMessage(first.UserId, email, subject, body.ToString(), now, email is null ? null : now);
    }

    private static int Urgency(string kind) => kind switch
    {
        nameof(NoticeKind.Escalation) => 0,
        nameof(NoticeKind.Overdue) => 1,
        _ => 2 + (int.TryParse(kind.AsSpan(nameof(NoticeKind.Reminder).Length), NumberStyles.None, CultureInfo.InvariantCulture, out var days) ? days : 0),
    };

    private static string Heading(string kind, bool bn) => kind switch
    {
        nameof(NoticeKind.Escalation) => bn ? "অধীন দপ্তরে সময়সীমা পেরিয়ে গেছে:" : "Overdue at offices under you:",
        nameof(NoticeKind.Overdue) => bn ? "সময়সীমা পেরিয়ে গেছে, কিছু দাখিল হয়নি:" : "Overdue, nothing recorded:",
        _ when kind.StartsWith(nameof(NoticeKind.Reminder), StringComparison.Ordinal) => Days(kind[nameof(NoticeKind.Reminder).Length..], bn),
        _ => kind + ":",
    };

    private static string Days(string days, bool bn) => bn
        ? $"{BengaliDigits.ToBengali(days)} দিনের মধ্যে দাখিলের শেষ তারিখ:"
        : $"Due within {days} day{(days == "1" ? "" : "s")}:";

    /// <summary>১ম, ২য়, ৩য়, ৪র্থ.</summary>
    private static string OrdinalSuffix(int number) => number switch { 1 => "ম", 2 or 3 => "য়", 4 => "র্থ", _ => "" };

    private static string Line(Notice notice, DateOnly today, bool bn)
    {
        var due = notice.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var overdueDays = today.DayNumber - notice.DueOn.DayNumber;
        if (bn)
        {
            var period = notice.Quarter == 0 ? "বার্ষিক" : $"{BengaliDigits.ToBengali(notice.Quarter)}{OrdinalSuffix(notice.Quarter)} প্রান্তিক";
            var when = overdueDays > 0 ? $"{BengaliDigits.ToBengali(overdueDays)} দিন পেরিয়েছে" : $"আর {BengaliDigits.ToBengali(-overdueDays)} দিন";
            return $"- [{BengaliDigits.ToBengali(notice.IndicatorCode)}] {BengaliDigits.ToBengali(notice.FiscalYear)} {period} — {notice.OfficeNameBn} ({notice.OfficeCode}) — শেষ তারিখ {BengaliDigits.ToBengali(due)} ({when})";
        }
        var periodEn = notice.Quarter == 0 ? "annual" : $"Q{notice.Quarter}";
        var whenEn = overdueDays > 0 ? $"{overdueDays} day{(overdueDays == 1 ? "" : "s")} overdue" : overdueDays == 0 ? "due today" : $"in {-overdueDays} day{(overdueDays == -1 ? "" : "s")}";
        return $"- [{notice.IndicatorCode}] {notice.FiscalYear} {periodEn} — {notice.OfficeNameEn} ({notice.OfficeCode}) — due {due} ({whenEn})";
    }
}
