using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;
using Microsoft.Extensions.Options;

namespace CharterTracker.Deadlines;

/// <summary>
/// Emails the outbox messages that are due, over SMTP. Deliberately <b>not</b> an <see cref="Pipeline.ICommand{T}"/>:
/// a command's work runs inside one database transaction, and a network call must never sit inside one (on SQLite the
/// transaction holds the write lock for its whole length). Instead each message is claimed, sent and settled in short
/// statements of its own. Claiming sets the next attempt a lease ahead, so two nodes never send the same message at
/// once; a node that dies mid-send leaves the message to be retried when the lease ends (email is at-least-once).
/// A failure is recorded on the message (attempts + 1, the error, the next attempt with exponential back-off) and it
/// is given up as permanently failed after <c>Charter:Smtp:MaxAttempts</c>, or at once when the server refuses it for
/// good (a 5xx reply). When the server is down (refused, 421, TLS or sign-in failing) the run stops at the first message
/// and leaves the rest queued untouched.
/// With no <c>Charter:Smtp:Host</c> nothing is emailed: the messages stay in the users' in-app list.
/// </summary>
public sealed record DeliverOutboxCommand : ISelfCommittingCommand<OutboxDelivered>
{
    public DateTimeOffset AsOf { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed record OutboxDelivered(int Sent, int Failed, int GivenUp, bool EmailEnabled) : IJobOutcome
{
    public int Processed => Sent + Failed + GivenUp;
}

public sealed class DeliverOutboxHandler(DbSession db, SmtpMailer mailer, IOptions<SmtpOptions> options, TimeProvider clock, ILogger<DeliverOutboxHandler> logger)
    : IRequestHandler<DeliverOutboxCommand, OutboxDelivered>
{
    /// <summary>How long a claimed message is left alone by other nodes while this one sends it.</summary>
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(10);

    private sealed class Due
    {
        public long Id { get; init; }
        public string Email { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Body { get; init; } = "";
    }

    private static readonly SqlText DueSql = SqlText.Build(dialect => $"""
        SELECT Id, Email, Subject, Body FROM Outbox WHERE NextAttemptAtUtc <= @Now AND Email IS NOT NULL
        ORDER BY NextAttemptAtUtc, Id {DialectSql.First(dialect)}
        """);

    public async Task<OutboxDelivered> Handle(DeliverOutboxCommand command, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        if (!mailer.Enabled) return new OutboxDelivered(0, 0, 0, EmailEnabled: false);
        if (!MimeKit.MailboxAddress.TryParse(smtp.From, out var from) || from is null || !string.IsNullOrEmpty(from.Name))
        {
            // A configuration error fails the run (visible in JobRuns) without charging an attempt to any message.
            throw new InvalidOperationException($"Charter:Smtp:From ('{smtp.From}') is not an email address; no message was sent.");
        }

        int sent = 0, failed = 0, givenUp = 0;
        var due = await db.QueryAsync<Due>(DueSql, new { Now = clock.GetUtcNow().UtcDateTime, Take = Math.Max(1, smtp.MaxPerRun) }, cancellationToken);
        foreach (var message in due)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var claimed = await db.ExecuteAsync(
                "UPDATE Outbox SET Attempts = Attempts + 1, NextAttemptAtUtc = @LeaseUntil WHERE Id = @Id AND NextAttemptAtUtc <= @Now",
                new { message.Id, Now = now, LeaseUntil = now + Lease }, cancellationToken);
            if (claimed == 0) continue; // another node has it
            try
            {
                await mailer.SendAsync(message.Id, message.Email, message.Subject, message.Body, cancellationToken);
                await db.ExecuteAsync("UPDATE Outbox SET SentAtUtc = @Now, NextAttemptAtUtc = NULL, LastError = NULL WHERE Id = @Id",
                    new { message.Id, Now = clock.GetUtcNow().UtcDateTime }, CancellationToken.None);
                sent++;
            }
            catch (Exception error) when (error is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                var kind = SmtpMailer.Classify(error);
                var attempts = await db.ExecuteScalarAsync<int>("SELECT Attempts FROM Outbox WHERE Id = @Id", new { message.Id }, CancellationToken.None);
                var giveUp = kind == SendFailure.Permanent || attempts >= smtp.MaxAttempts;
                var delay = TimeSpan.FromTicks(Math.Min(smtp.MaxRetryDelay.Ticks, (long)(smtp.RetryDelay.Ticks * Math.Pow(2, Math.Min(attempts - 1, 30)))));
                await db.ExecuteAsync(
                    "UPDATE Outbox SET LastError = @Error, FailedPermanently = @giveUp, NextAttemptAtUtc = @Next WHERE Id = @Id",
                    new { message.Id, Error = Describe(error), giveUp, Next = giveUp ? (DateTime?)null : clock.GetUtcNow().UtcDateTime + delay },
                    CancellationToken.None);
                if (giveUp) givenUp++;
                else failed++;
                logger.LogWarning(error, "Outbox message {Id} to {Email} failed (attempt {Attempts}, {Kind}).", message.Id, message.Email, attempts, kind);
                if (kind == SendFailure.ServerDown) break;
            }
        }
        return new OutboxDelivered(sent, failed, givenUp, EmailEnabled: true);
    }

    private static string Describe(Exception error)
    {
        var text = error.InnerException is { } inner ? $"{error.Message} ({inner.Message})" : error.Message;
        return text.Length > 2000 ? text[..2000] : text;
    }
}
