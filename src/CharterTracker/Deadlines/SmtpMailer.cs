using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace CharterTracker.Deadlines;

/// <summary>How a failed send should be treated.</summary>
public enum SendFailure
{
    /// <summary>This message failed (a 4xx, a timeout, a dropped connection): try it again later.</summary>
    Transient,

    /// <summary>The server refused the recipient or message for good (5xx), or it cannot be written: do not try again.</summary>
    Permanent,

    /// <summary>The server cannot be reached or is not serving (refused, 421, TLS or sign-in failure): stop this run, keep the rest queued.</summary>
    ServerDown,
}

/// <summary>Sends one message over SMTP with MailKit (<c>Charter:Smtp</c>).</summary>
public sealed class SmtpMailer(IOptions<SmtpOptions> options)
{
    public bool Enabled => options.Value.Enabled;

    public async Task SendAsync(long outboxId, string to, string subject, string body, CancellationToken cancellationToken)
    {
        var smtp = options.Value;
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("CharterTracker", smtp.From));
        message.To.Add(MailboxAddress.Parse(to));
        // MimeKit writes a non-ASCII subject as RFC 2047 encoded words in UTF-8, and the body as UTF-8 text.
        message.Subject = subject;
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = body };
        message.Headers.Add("X-CharterTracker-Outbox-Id", outboxId.ToString(System.Globalization.CultureInfo.InvariantCulture));

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(smtp.Timeout);
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        if (!string.IsNullOrWhiteSpace(smtp.CertificateThumbprint))
        {
            client.ServerCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None || (certificate is not null && IsPinned(certificate, smtp.CertificateThumbprint));
        }
        await client.ConnectAsync(smtp.Host!, smtp.Port, Options(smtp.Security), timeout.Token);
        if (!string.IsNullOrEmpty(smtp.Username) && !string.IsNullOrEmpty(smtp.Password))
        {
            await client.AuthenticateAsync(smtp.Username, smtp.Password, timeout.Token);
        }
        await client.SendAsync(message, timeout.Token);
        await client.DisconnectAsync(quit: true, timeout.Token);
    }

    private static SecureSocketOptions Options(SmtpSecurity security) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };

    private static bool IsPinned(X509Certificate certificate, string thumbprint)
    {
        var expected = thumbprint.Replace(":", "", StringComparison.Ordinal).Replace(" ", "", StringComparison.Ordinal);
        var raw = certificate.GetRawCertData();
        return Convert.ToHexString(SHA256.HashData(raw)).Equals(expected, StringComparison.OrdinalIgnoreCase)
            || Convert.ToHexString(SHA1.HashData(raw)).Equals(expected, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The outbox's retry rules for MailKit's errors: a 5xx reply refuses this message for good; 421 and anything that
    /// stops the conversation itself (no connection, TLS, sign-in) means the server is not serving; every other failure
    /// (a 4xx, a timeout, a protocol hiccup) is tried again after the back-off.
    /// </summary>
    public static SendFailure Classify(Exception error) => error switch
    {
        SmtpCommandException { StatusCode: SmtpStatusCode.ServiceNotAvailable } => SendFailure.ServerDown,
        SmtpCommandException { StatusCode: var code } when (int)code >= 500 => SendFailure.Permanent,
        SmtpCommandException => SendFailure.Transient,
        SocketException or SslHandshakeException or AuthenticationException or NotSupportedException => SendFailure.ServerDown,
        ParseException or FormatException => SendFailure.Permanent,
        _ => SendFailure.Transient,
    };
}
