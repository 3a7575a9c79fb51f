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

    /// <summary>How the connection is protected; <see cref="SmtpSecurity.Auto"/> by default.</summary>
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;

    /// <summary>Sign in with these when both are set (the password is never logged nor stored in the outbox).</summary>
    public string? Username { get; set; }
    public string? Password { get; set; }

    /// <summary>
    /// The SHA-256 (or SHA-1) thumbprint of a relay's own certificate to accept although no trusted authority
    /// issued it (an internal relay with a self-signed certificate). Empty: the system's trust store decides.
    /// </summary>
    public string? CertificateThumbprint { get; set; }
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

/// <summary><c>Charter:Smtp:Security</c>: TLS on the SMTP connection.</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text, even if the server offers STARTTLS (a relay on the same host or network only).</summary>
    None,

    /// <summary>STARTTLS is required: a server that does not offer it fails the attempt (submission, port 587).</summary>
    StartTls,

    /// <summary>Implicit TLS from the first byte (SMTPS, port 465).</summary>
    SslOnConnect,

    /// <summary>Implicit TLS on port 465; elsewhere STARTTLS when the server offers it, plain text when it does not.</summary>
    Auto,
}
