using CharterTracker.Access;
using CharterTracker.Deadlines;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Deadlines;

/// <summary>The outbox emailed over a real SMTP conversation with a listener on loopback; retries, back-off, nothing lost.</summary>
public sealed class DeliverOutboxTests
{
    private SmtpListener _smtp = null!;
    private TestApp _app = null!;
    private long _ministry;
    private long _agency;

    [SetUp]
    public async Task Start()
    {
        _smtp = SmtpListener.Start();
        var settings = _smtp.Settings();
        settings["Charter:Smtp:MaxAttempts"] = "4";
        await StartApp(settings);
    }

    private async Task StartApp(IDictionary<string, string?> settings)
    {
        _app = await TestApp.StartAsync(TestClock.At(2024, 10, 16), settings: settings);
        var (ministry, agencies) = await new Given(_app).MinistryWithAsync(1);
        (_ministry, _agency) = (ministry, agencies[0]);
    }

    [TearDown]
    public async Task Stop()
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    private Task<OutboxDelivered> Deliver() => _app.SendAsSystemAsync(new DeliverOutboxCommand { AsOf = _app.Clock.GetUtcNow() });

    private Task<RemindersSent> RemindOverdue() => _app.SendAsSystemAsync(new SendRemindersCommand { AsOf = SystemCommands.Dhaka(2024, 10, 16, 9) });

    private void Later(TimeSpan by) => _app.Clock.Set(_app.Clock.GetUtcNow() + by);

    private sealed record Row(long Id, string Username, long Attempts, string? LastError, string? SentAtUtc, string? NextAttemptAtUtc, long FailedPermanently);

    private IReadOnlyList<Row> Rows() => Sql.Query<Row>(_app,
        "SELECT m.Id, u.Username, m.Attempts, m.LastError, m.SentAtUtc, m.NextAttemptAtUtc, m.FailedPermanently FROM Outbox m JOIN Users u ON u.Id = m.UserId ORDER BY m.Id");

    [Test]
    public async Task A_digest_is_emailed_to_the_recipient_and_listed_in_their_notifications()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await RemindOverdue();

        var first = await Deliver();
        var second = await Deliver();

        var mail = _smtp.Messages.Single();
        var notifications = (await (await _app.SignInAsync("agency.fp")).GetJsonAsync("/api/v1/me/notifications")).EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That((first.Sent, first.Failed, second.Processed), Is.EqualTo((1, 0, 0)));
            Assert.That(mail.To, Is.EqualTo(new[] { People.EmailOf("agency.fp") }));
            Assert.That(mail.From, Is.EqualTo("noreply@chartertracker.test"));
            Assert.That(mail.Subject, Is.EqualTo("CharterTracker: 3 items need your attention"));
            Assert.That(mail.Text, Does.Contain("Dear agency.fp,").And.Contain("[1.1.1] 2024-25 Q1 — Office MIN-A1 (MIN-A1) — due 2024-10-15 (1 day overdue)"));
            Assert.That(mail.Header("X-CharterTracker-Outbox-Id"), Is.EqualTo(Rows().Single().Id.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(Rows().Single(), Is.EqualTo(Rows().Single() with { Attempts = 1, LastError = null, NextAttemptAtUtc = null, FailedPermanently = 0 }));
            Assert.That(Rows().Single().SentAtUtc, Is.Not.Null);
            Assert.That(notifications, Has.Count.EqualTo(1));
            Assert.That((notifications[0].Str("subject"), notifications[0].Str("emailStatus")), Is.EqualTo(("CharterTracker: 3 items need your attention", "Sent")));
        });
    }

    [Test]
    public async Task With_SMTP_down_messages_stay_queued_with_the_error_and_are_delivered_once_it_is_back()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await _app.UserAsync("ministry.fp", Role.FocalPoint, _ministry);
        await RemindOverdue();

        _smtp.Set(SmtpListener.Behaviour.Reply421);
        var busy = await Deliver();
        var afterBusy = Rows();

        _smtp.Set(SmtpListener.Behaviour.RefuseConnections);
        Later(TimeSpan.FromMinutes(30));
        var refused = await Deliver();
        var afterRefused = Rows();

        _smtp.Set(SmtpListener.Behaviour.Accept);
        Later(TimeSpan.FromMinutes(30));
        var back = await Deliver();
        var afterBack = Rows();

        Assert.Multiple(() =>
        {
            Assert.That((busy.Sent, busy.Failed), Is.EqualTo((0, 1)), "the run stops at the first message while the server is down");
            Assert.That(afterBusy.Select(r => r.Attempts), Is.EqualTo(new[] { 1L, 0L }));
            Assert.That(afterBusy[0].LastError, Does.Contain("Service not available").IgnoreCase);
            Assert.That(afterBusy[0].NextAttemptAtUtc, Is.EqualTo("2024-10-16T06:01:00.0000000Z"), "retried after a minute");
            Assert.That(afterBusy.Select(r => r.SentAtUtc), Is.All.Null);

            Assert.That((refused.Sent, refused.Failed), Is.EqualTo((0, 1)));
            Assert.That(afterRefused.Sum(r => r.Attempts), Is.EqualTo(2));
            Assert.That(afterRefused.Select(r => r.LastError), Has.Some.Contains("Connection refused"));

            Assert.That((back.Sent, back.Failed), Is.EqualTo((2, 0)));
            Assert.That(afterBack.Select(r => r.SentAtUtc), Is.All.Not.Null);
            Assert.That(afterBack.Select(r => r.LastError), Is.All.Null);
            Assert.That(_smtp.Messages.Select(m => m.To.Single()), Is.EquivalentTo(new[] { People.EmailOf("agency.fp"), People.EmailOf("ministry.fp") }), "each delivered once, none lost");
        });
    }

    [Test]
    public async Task A_failed_message_waits_for_its_back_off_before_the_next_attempt()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await RemindOverdue();
        _smtp.Set(SmtpListener.Behaviour.Reply421);
        await Deliver();
        await Deliver();
        Later(TimeSpan.FromSeconds(61));
        await Deliver();
        var twice = Rows().Single();
        Later(TimeSpan.FromSeconds(61));
        var early = await Deliver();

        Assert.Multiple(() =>
        {
            Assert.That(twice.Attempts, Is.EqualTo(2), "the immediate second run left it alone; the one after a minute tried again");
            Assert.That(early.Processed, Is.Zero, "the second wait is two minutes");
            Assert.That(Rows().Single().Attempts, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task A_message_is_given_up_after_its_last_attempt_and_stays_in_the_app()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await RemindOverdue();
        _smtp.Set(SmtpListener.Behaviour.Reply421);
        var runs = new List<OutboxDelivered>();
        for (var i = 0; i < 4; i++)
        {
            runs.Add(await Deliver());
            Later(TimeSpan.FromHours(1));
        }
        _smtp.Set(SmtpListener.Behaviour.Accept);
        var afterwards = await Deliver();

        var notifications = (await (await _app.SignInAsync("agency.fp")).GetJsonAsync("/api/v1/me/notifications")).EnumerateArray().ToList();
        Assert.Multiple(() =>
        {
            Assert.That(runs.Select(r => (r.Failed, r.GivenUp)), Is.EqualTo(new[] { (1, 0), (1, 0), (1, 0), (0, 1) }), "Charter:Smtp:MaxAttempts = 4");
            Assert.That(Rows().Single(), Is.EqualTo(Rows().Single() with { Attempts = 4, FailedPermanently = 1, NextAttemptAtUtc = null, SentAtUtc = null }));
            Assert.That(Rows().Single().LastError, Does.Contain("Service not available").IgnoreCase);
            Assert.That(afterwards.Processed, Is.Zero, "a message given up is not tried again");
            Assert.That(_smtp.Messages, Is.Empty);
            Assert.That(notifications.Single().Str("emailStatus"), Is.EqualTo("Failed"), "still in the in-app list");
        });
    }

    [Test]
    public async Task A_recipient_the_server_refuses_for_good_is_not_retried()
    {
        await _app.UserAsync("ministry.fp", Role.FocalPoint, _ministry);
        await RemindOverdue();
        _smtp.RejectedRecipients.Add(People.EmailOf("ministry.fp"));

        var run = await Deliver();

        Assert.Multiple(() =>
        {
            Assert.That((run.Sent, run.Failed, run.GivenUp), Is.EqualTo((0, 0, 1)));
            Assert.That(Rows().Single(), Is.EqualTo(Rows().Single() with { Attempts = 1, FailedPermanently = 1, NextAttemptAtUtc = null }));
            Assert.That(Rows().Single().LastError, Does.Contain("Mailbox unavailable").IgnoreCase);
        });
    }

    [Test]
    public async Task A_temporary_refusal_of_a_message_is_retried_after_the_back_off_and_the_run_goes_on()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await _app.UserAsync("ministry.fp", Role.FocalPoint, _ministry);
        await RemindOverdue();
        _smtp.DataReply = "451 4.3.0 Temporary local problem, try again later";

        var refused = await Deliver();
        var afterRefused = Rows();
        _smtp.DataReply = null;
        Later(TimeSpan.FromSeconds(61));
        var retried = await Deliver();

        Assert.Multiple(() =>
        {
            Assert.That((refused.Sent, refused.Failed, refused.GivenUp), Is.EqualTo((0, 2, 0)), "a 4xx is this message's problem: the run goes on to the next");
            Assert.That(afterRefused.Select(r => (r.Attempts, r.FailedPermanently, r.NextAttemptAtUtc)),
                Is.All.EqualTo((1L, 0L, "2024-10-16T06:01:00.0000000Z")), "retried after a minute");
            Assert.That(afterRefused.Select(r => r.LastError), Is.All.Contains("Temporary local problem"));
            Assert.That((retried.Sent, retried.Failed), Is.EqualTo((2, 0)));
            Assert.That(_smtp.Messages, Has.Count.EqualTo(2));
        });
    }

    [Test]
    public async Task A_message_the_server_refuses_for_good_is_marked_failed_with_the_reason_and_not_retried()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await RemindOverdue();
        _smtp.DataReply = "554 5.6.0 Message content rejected";

        var run = await Deliver();
        _smtp.DataReply = null;
        Later(TimeSpan.FromHours(1));
        var later = await Deliver();

        Assert.Multiple(() =>
        {
            Assert.That((run.Sent, run.Failed, run.GivenUp), Is.EqualTo((0, 0, 1)));
            Assert.That(Rows().Single(), Is.EqualTo(Rows().Single() with { Attempts = 1, FailedPermanently = 1, NextAttemptAtUtc = null, SentAtUtc = null }));
            Assert.That(Rows().Single().LastError, Does.Contain("Message content rejected"));
            Assert.That(later.Processed, Is.Zero);
            Assert.That(_smtp.Messages, Is.Empty);
        });
    }

    [Test]
    public async Task A_Bengali_subject_arrives_as_UTF_8_encoded_words_that_decode_to_the_same_text()
    {
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency, language: "bn");
        await RemindOverdue();

        await Deliver();

        var mail = _smtp.Messages.Single();
        Assert.Multiple(() =>
        {
            Assert.That(mail.Header("Subject"), Does.StartWith("=?utf-8?").IgnoreCase, "RFC 2047: 7-bit on the wire");
            Assert.That(mail.Raw.Split("\r\n\r\n")[0].All(c => c < 128), Is.True, "every header is ASCII");
            Assert.That(mail.Subject, Is.EqualTo("সেবা প্রদান প্রতিশ্রুতি: ৩টি বিষয়ে আপনার দৃষ্টি প্রয়োজন"));
            Assert.That(mail.Text, Does.StartWith("প্রিয় agency.fp,"));
        });
    }

    /// <summary>A listener with TLS; the app trusts its self-signed certificate by thumbprint unless told not to.</summary>
    private async Task RestartWith(SmtpListener.Tls tls, IDictionary<string, string?> extra, Action<SmtpListener>? setUp = null, bool pinned = true)
    {
        await _app.DisposeAsync();
        await _smtp.DisposeAsync();
        _smtp = SmtpListener.Start(tls);
        setUp?.Invoke(_smtp);
        var settings = _smtp.Settings();
        if (pinned) settings["Charter:Smtp:CertificateThumbprint"] = _smtp.CertificateThumbprint;
        foreach (var (key, value) in extra) settings[key] = value;
        await StartApp(settings);
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await RemindOverdue();
    }

    [Test]
    public async Task STARTTLS_encrypts_the_conversation_before_the_sign_in()
    {
        await RestartWith(SmtpListener.Tls.StartTls,
            new Dictionary<string, string?> { ["Charter:Smtp:Username"] = "mailer", ["Charter:Smtp:Password"] = "s3cret-Pass" },
            smtp => smtp.Account = ("mailer", "s3cret-Pass"));

        var run = await Deliver();

        Assert.Multiple(() =>
        {
            Assert.That((run.Sent, run.Failed), Is.EqualTo((1, 0)), Rows().Single().LastError);
            Assert.That(_smtp.Messages.Single().Encrypted, Is.True);
            Assert.That(_smtp.Logins, Is.EqualTo(new[] { "mailer (encrypted)" }));
        });
    }

    [Test]
    public async Task Implicit_TLS_as_on_port_465_delivers_encrypted()
    {
        await RestartWith(SmtpListener.Tls.Implicit, new Dictionary<string, string?>());

        var run = await Deliver();

        Assert.Multiple(() =>
        {
            Assert.That((run.Sent, run.Failed), Is.EqualTo((1, 0)), Rows().Single().LastError);
            Assert.That(_smtp.Messages.Single().Encrypted, Is.True);
        });
    }

    [Test]
    public async Task A_certificate_no_one_vouches_for_is_refused_and_the_message_stays_queued()
    {
        await RestartWith(SmtpListener.Tls.Implicit, new Dictionary<string, string?>(), pinned: false);

        var run = await Deliver();

        Assert.Multiple(() =>
        {
            Assert.That((run.Sent, run.Failed, run.GivenUp), Is.EqualTo((0, 1, 0)));
            Assert.That(Rows().Single().LastError, Does.Contain("certificate").IgnoreCase);
            Assert.That(_smtp.Messages, Is.Empty);
        });
    }

    [Test]
    public async Task A_wrong_password_stops_the_run_keeps_the_messages_and_is_not_written_down()
    {
        await RestartWith(SmtpListener.Tls.StartTls,
            new Dictionary<string, string?> { ["Charter:Smtp:Username"] = "mailer", ["Charter:Smtp:Password"] = "Wrong-Pass-123" },
            smtp => smtp.Account = ("mailer", "s3cret-Pass"));

        var run = await Deliver();

        Assert.Multiple(() =>
        {
            Assert.That((run.Sent, run.Failed, run.GivenUp), Is.EqualTo((0, 1, 0)), "retried later, not given up");
            Assert.That(Rows().Single().LastError, Does.Contain("Authentication").IgnoreCase.And.Not.Contain("Wrong-Pass-123"));
            Assert.That(_smtp.Messages, Is.Empty);
        });
    }

    [Test]
    public async Task Without_an_SMTP_host_messages_stay_in_app_only_newest_first()
    {
        await _app.DisposeAsync();
        await StartApp(new Dictionary<string, string?>());
        await _app.UserAsync("agency.fp", Role.FocalPoint, _agency);
        await _app.UserAsync("ministry.fp", Role.FocalPoint, _ministry, withEmail: false);
        await _app.SendAsSystemAsync(new SendRemindersCommand { AsOf = SystemCommands.Dhaka(2024, 10, 8, 9) });
        await _app.SendAsSystemAsync(new SendRemindersCommand { AsOf = SystemCommands.Dhaka(2024, 10, 14, 9) });

        var delivered = await Deliver();
        var agency = (await (await _app.SignInAsync("agency.fp")).GetJsonAsync("/api/v1/me/notifications")).EnumerateArray().ToList();
        var ministry = (await (await _app.SignInAsync("ministry.fp")).GetJsonAsync("/api/v1/me/notifications?limit=1")).EnumerateArray().ToList();
        var admin = (await (await _app.AsAdminAsync()).GetJsonAsync("/api/v1/me/notifications")).EnumerateArray().ToList();

        Assert.Multiple(() =>
        {
            Assert.That((delivered.EmailEnabled, delivered.Processed), Is.EqualTo((false, 0)));
            Assert.That(agency, Has.Count.EqualTo(2));
            Assert.That(agency[0].Str("body"), Does.Contain("Due within 1 day:"), "newest first");
            Assert.That(agency[1].Str("body"), Does.Contain("Due within 7 days:"));
            Assert.That(agency.Select(n => n.Str("emailStatus")), Is.All.EqualTo("Queued"));
            Assert.That(ministry.Select(n => n.Str("emailStatus")), Is.EqualTo(new[] { "InAppOnly" }), "no address: in-app only; limit=1 returns one");
            Assert.That(admin, Is.Empty, "only the caller's own notifications");
            Assert.That(_smtp.Messages, Is.Empty);
        });
    }
}
