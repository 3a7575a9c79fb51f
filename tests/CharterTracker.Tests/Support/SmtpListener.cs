using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.RegularExpressions;

namespace CharterTracker.Tests.Support;

/// <summary>
/// A tiny SMTP server on loopback, for delivery tests: speaks just enough SMTP for MailKit (220, EHLO/HELO, STARTTLS,
/// AUTH PLAIN, MAIL FROM, RCPT TO, DATA … '.', QUIT), keeps every message it accepts, and can be switched to be down:
/// refusing connections (nothing listens on its port) or answering 421 ("service not available"). With a
/// <see cref="Tls"/> mode it serves a self-signed certificate (<see cref="CertificateThumbprint"/>), either after
/// STARTTLS or from the first byte (as on port 465).
/// </summary>
public sealed partial class SmtpListener : IAsyncDisposable
{
    public enum Behaviour
    {
        Accept,
        Reply421,
        RefuseConnections,
    }

    public enum Tls
    {
        None,
        StartTls,
        Implicit,
    }

    private readonly List<ReceivedMail> _messages = [];
    private readonly List<string> _logins = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];
    private readonly Tls _tls;
    private readonly X509Certificate2? _certificate;
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private Behaviour _behaviour = Behaviour.Accept;

    private SmtpListener(Tls tls)
    {
        _tls = tls;
        if (tls != Tls.None) _certificate = SelfSigned();
    }

    public int Port { get; private set; }

    /// <summary>Recipients whose RCPT TO is answered 550 (mailbox unavailable): a permanent failure.</summary>
    public HashSet<string> RejectedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>When set, the reply to the end of DATA instead of 250 (e.g. a 451 or a 554), and the message is not kept.</summary>
    public string? DataReply { get; set; }

    /// <summary>When set, AUTH PLAIN is offered and only this user and password are accepted (535 otherwise).</summary>
    public (string User, string Password)? Account { get; set; }

    /// <summary>The SHA-256 thumbprint of the listener's self-signed certificate (for <c>Charter:Smtp:CertificateThumbprint</c>).</summary>
    public string? CertificateThumbprint => _certificate is null ? null : Convert.ToHexString(SHA256.HashData(_certificate.RawData));

    /// <summary>The users that signed in, and whether the connection was encrypted at the time.</summary>
    public IReadOnlyList<string> Logins
    {
        get
        {
            lock (_logins) return _logins.ToList();
        }
    }

    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            lock (_messages) return _messages.ToList();
        }
    }

    /// <summary>The settings that point the app at this server (plain text unless a TLS mode is given).</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Charter:Smtp:Host"] = "127.0.0.1",
        ["Charter:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Charter:Smtp:From"] = "noreply@chartertracker.test",
        ["Charter:Smtp:Timeout"] = "00:00:10",
        ["Charter:Smtp:Security"] = _tls switch { Tls.StartTls => "StartTls", Tls.Implicit => "SslOnConnect", _ => "None" },
    };

    public static SmtpListener Start(Tls tls = Tls.None)
    {
        var server = new SmtpListener(tls);
        server.Listen(0);
        return server;
    }
    /// <summary>Accept mail, answer 421, or close the port (connection refused). Reopens the same port when switched back.</summary>
    public void Set(Behaviour behaviour)
    {
        _behaviour = behaviour;
        if (behaviour == Behaviour.RefuseConnections && _listener is not null)
        {
            _listener.Stop();
            _listener = null;
        }
        else if (behaviour != Behaviour.RefuseConnections && _listener is null)
        {
            Listen(Port);
        }
    }

    private void Listen(int port)
    {
        var listener = new TcpListener(IPAddress.Loopback, port);
        listener.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
        listener.Start();
        _listener = listener;
        Port = ((IPEndPoint)listener.LocalEndpoint).Port;
        _acceptLoop = AcceptAsync(listener);
    }

    private async Task AcceptAsync(TcpListener listener)
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            lock (_sessions) _sessions.Add(ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        Stream stream = client.GetStream();
        try
        {
            if (_tls == Tls.Implicit) stream = await EncryptAsync(stream);
            var (reader, writer) = Talk(stream);
            if (_behaviour == Behaviour.Reply421)
            {
                await writer.WriteLineAsync("421 4.3.2 Service not available, closing transmission channel");
                return;
            }
            await writer.WriteLineAsync("220 localhost ESMTP test listener");
            string? from = null;
            var to = new List<string>();
            while (await reader.ReadLineAsync(_stop.Token) is { } line)
            {
                var verb = line.Split(' ', 2)[0].ToUpperInvariant();
                switch (verb)
                {
                    case "EHLO":
                        var extensions = new List<string> { "localhost", "8BITMIME" };
                        if (_tls == Tls.StartTls && stream is not SslStream) extensions.Add("STARTTLS");
                        if (Account is not null) extensions.Add("AUTH PLAIN");
                        for (var i = 0; i < extensions.Count; i++)
                        {
                            await writer.WriteLineAsync((i < extensions.Count - 1 ? "250-" : "250 ") + extensions[i]);
                        }
                        break;
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
                        break;
                    case "STARTTLS" when _tls == Tls.StartTls && stream is not SslStream:
                        await writer.WriteLineAsync("220 2.0.0 Ready to start TLS");
                        stream = await EncryptAsync(stream);
                        (reader, writer) = Talk(stream);
                        break;
                    case "AUTH" when Account is { } account:
                        var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                        var response = parts.Length > 2 ? parts[2] : null;
                        if (response is null)
                        {
                            await writer.WriteLineAsync("334 ");
                            response = await reader.ReadLineAsync(_stop.Token) ?? "";
                        }
                        var fields = Encoding.UTF8.GetString(Convert.FromBase64String(response)).Split('\0');
                        var accepted = fields.Length == 3 && fields[1] == account.User && fields[2] == account.Password;
                        if (accepted)
                        {
                            lock (_logins) _logins.Add($"{fields[1]} ({(stream is SslStream ? "encrypted" : "plain text")})");
                        }
                        await writer.WriteLineAsync(accepted ? "235 2.7.0 Authentication successful" : "535 5.7.8 Authentication credentials invalid");
                        break;
                    case "MAIL" when Account is not null && !Logins.Any():
                        await writer.WriteLineAsync("530 5.7.0 Authentication required");
                        break;
                    case "MAIL":
                        from = Address(line);
                        to.Clear();
                        await writer.WriteLineAsync("250 2.1.0 OK");
                        break;
                    case "RCPT":
                        var recipient = Address(line);
                        if (RejectedRecipients.Contains(recipient))
                        {
                            await writer.WriteLineAsync("550 5.1.1 Mailbox unavailable");
                        }
                        else
                        {
                            to.Add(recipient);
                            await writer.WriteLineAsync("250 2.1.5 OK");
                        }
                        break;
                    case "DATA":
                        await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                        var data = new StringBuilder();
                        while (await reader.ReadLineAsync(_stop.Token) is { } dataLine && dataLine != ".")
                        {
                            data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                        }
                        if (DataReply is { } reply)
                        {
                            await writer.WriteLineAsync(reply);
                            break;
                        }
                        lock (_messages) _messages.Add(new ReceivedMail(from ?? "", to.ToList(), data.ToString(), stream is SslStream));
                        await writer.WriteLineAsync("250 2.0.0 OK queued");
                        break;
                    case "RSET":
                        from = null;
                        to.Clear();
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "NOOP":
                        await writer.WriteLineAsync("250 2.0.0 OK");
                        break;
                    case "QUIT":
                        await writer.WriteLineAsync("221 2.0.0 Bye");
                        return;
                    default:
                        await writer.WriteLineAsync("502 5.5.2 Command not recognised");
                        break;
                }
            }
        }
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException or System.Security.Authentication.AuthenticationException)
        {
            // The client hung up (or refused the certificate), or the test is over.
        }
        finally
        {
            await stream.DisposeAsync();
        }
    }

    private static (StreamReader Reader, StreamWriter Writer) Talk(Stream stream) =>
        (new StreamReader(stream, Encoding.Latin1, false, 1024, leaveOpen: true),
            new StreamWriter(stream, Encoding.Latin1, 1024, leaveOpen: true) { NewLine = "\r\n", AutoFlush = true });

    private async Task<Stream> EncryptAsync(Stream plain)
    {
        var tls = new SslStream(plain, leaveInnerStreamOpen: false);
        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = _certificate }, _stop.Token);
        return tls;
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=smtp.chartertracker.test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Reloaded from PKCS#12 so that SslStream can use the private key on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }

    private static string Address(string line) => AddressPattern().Match(line) is { Success: true } m ? m.Groups[1].Value : line;

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AddressPattern();

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener?.Stop();
        if (_acceptLoop is not null) await _acceptLoop;
        Task[] sessions;
        lock (_sessions) sessions = _sessions.ToArray();
        await Task.WhenAll(sessions);
        _stop.Dispose();
        _certificate?.Dispose();
    }
}

/// <summary>One message as the server received it, with its subject and text decoded for assertions.</summary>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string Raw, bool Encrypted = false)
{
    private string Headers => Raw.Split("\r\n\r\n", 2)[0].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);

    public string? Header(string name) =>
        Headers.Split("\r\n").Select(h => h.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim()).FirstOrDefault();

    /// <summary>The subject decoded from its RFC 2047 encoded words (<see cref="Header"/> gives it as sent).</summary>
    public string Subject => DecodeWords(Header("Subject") ?? "");

    /// <summary>The body, undoing base64 or quoted-printable transfer encoding.</summary>
    public string Text
    {
        get
        {
            var body = Raw.Split("\r\n\r\n", 2) is [_, var rest] ? rest : "";
            var bytes = Encoding.Latin1.GetBytes(body);
            var encoding = (Header("Content-Transfer-Encoding") ?? "").ToLowerInvariant();
            if (encoding == "base64") bytes = Convert.FromBase64String(string.Concat(body.Where(c => !char.IsWhiteSpace(c))));
            else if (encoding == "quoted-printable") bytes = QuotedPrintable(body);
            return Encoding.UTF8.GetString(bytes);
        }
    }

    private static string DecodeWords(string header) => EncodedWord().Replace(BetweenWords().Replace(header, "?==?"), m =>
    {
        var charset = Encoding.GetEncoding(m.Groups["charset"].Value);
        var text = m.Groups["text"].Value;
        return m.Groups["enc"].Value.ToUpperInvariant() == "B"
            ? charset.GetString(Convert.FromBase64String(text))
            : charset.GetString(QuotedPrintable(text.Replace('_', ' ')));
    });

    private static byte[] QuotedPrintable(string text)
    {
        var output = new List<byte>();
        var input = text.Replace("=\r\n", "", StringComparison.Ordinal);
        for (var i = 0; i < input.Length; i++)
        {
            if (input[i] == '=' && i + 2 < input.Length && Uri.IsHexDigit(input[i + 1]) && Uri.IsHexDigit(input[i + 2]))
            {
                output.Add(Convert.ToByte(input.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                output.Add((byte)input[i]);
            }
        }
        return output.ToArray();
    }

    [GeneratedRegex(@"\?=\s+=\?")]
    private static partial Regex BetweenWords();

    [GeneratedRegex(@"=\?(?<charset>[^?]+)\?(?<enc>[BbQq])\?(?<text>[^?]*)\?=")]
    private static partial Regex EncodedWord();
}
