namespace CharterTracker.Deadlines;

/// <summary><c>Charter:Reminders</c>: when focal points are reminded and when their parent office hears of it.</summary>
public sealed class ReminderOptions
{
    public const string Section = "Reminders";

    /// <summary>A reminder when an item is due within each of these many days (each sent once; the nearest applies).</summary>
    public int[] DaysBefore { get; set; } = [7, 1];

    /// <summary>After this many days overdue, the parent office's focal points and the monitoring committee hear of it.</summary>
    public int EscalateAfterDays { get; set; } = 7;
}

/// <summary><c>Charter:Smtp</c>: email delivery of the outbox. An empty <see cref="Host"/> turns email off (notifications stay in-app).</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }
    public int Port { get; set; } = 25;

    /// <summary>STARTTLS (System.Net.Mail does not speak implicit TLS on port 465).</summary>
    public bool EnableSsl { get; set; }

    public string? Username { get; set; }
    public string? Password { get; set; }
    public string From { get; set; } = "chartertracker@localhost";

    /// <summary>How long one message may take before it counts as a failed attempt.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Attempts before a message is given up as permanently failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait after the first failure; it doubles after each further one, up to <see cref="MaxRetryDelay"/>.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);

    /// <summary>At most this many messages per run; the rest wait for the next run.</summary>
    public int MaxPerRun { get; set; } = 500;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
