using System.Net;
using System.Net.Mail;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace CharterTracker.Deadlines;

/// <summary>How a failed send should be treated.</summary>
public enum SendFailure
{
    /// <summary>This message failed (a 4xx, a timeout): try it again later.</summary>
    Transient,

    /// <summary>The server refused the recipient or message for good (5xx): do not try again.</summary>
    Permanent,

    /// <summary>The server could not be reached or is not serving (refused, 421): stop this run, keep the rest queued.</summary>
    ServerDown,
}

/// <summary>Sends one message over SMTP with System.Net.Mail (<c>Charter:Smtp</c>).</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public bool Enabled => options.Value.Enabled;

    public async Task SendAsync(long outboxId, string to, string subject, string body, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        using var client = new SmtpClient(smtp.Host, smtp.Port)
        {
            EnableSsl = smtp.EnableSsl,
            DeliveryMethod = SmtpDeliveryMethod.Network,
            Timeout = (int)smtp.Timeout.TotalMilliseconds,
        };
        if (!string.IsNullOrEmpty(smtp.Username))
        {
            client.Credentials = new NetworkCredential(smtp.Username, smtp.Password);
        }
        using var message = new MailMessage(new MailAddress(smtp.From, "CharterTracker"), new MailAddress(to))
        {
            Subject = subject,
            Body = body,
            IsBodyHtml = false,
            SubjectEncoding = Encoding.UTF8,
            BodyEncoding = Encoding.UTF8,
        };
        message.Headers.Add("X-CharterTracker-Outbox-Id", outboxId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(smtp.Timeout);
        await client.SendMailAsync(message, timeout.Token);
    }

    public static SendFailure Classify(Exception error) => error switch
    {
        SmtpFailedRecipientException { StatusCode: var code } when (int)code >= 500 => SendFailure.Permanent,
        SmtpException { StatusCode: SmtpStatusCode.ServiceNotAvailable } => SendFailure.ServerDown,
        SmtpException { InnerException: SocketException or IOException } => SendFailure.ServerDown,
        SmtpException { StatusCode: var code } when (int)code >= 500 && code != SmtpStatusCode.GeneralFailure => SendFailure.Permanent,
        FormatException => SendFailure.Permanent,
        _ => SendFailure.Transient,
    };
}
