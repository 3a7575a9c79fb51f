using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace CharterTracker.Tests.Support;

/// <summary>
/// A tiny SMTP server on loopback, for delivery tests: speaks just enough SMTP for System.Net.Mail (220, EHLO/HELO,
/// MAIL FROM, RCPT TO, DATA … '.', QUIT), keeps every message it accepts, and can be switched to be down: refusing
/// connections (nothing listens on its port) or answering 421 ("service not available").
/// </summary>
public sealed partial class SmtpListener : IAsyncDisposable
{
    public enum Behaviour
    {
        Accept,
        Reply421,
        RefuseConnections,
    }

    private readonly List<ReceivedMail> _messages = [];
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _sessions = [];
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private Behaviour _behaviour = Behaviour.Accept;

    private SmtpListener()
    {
    }

    public int Port { get; private set; }

    /// <summary>Recipients whose RCPT TO is answered 550 (mailbox unavailable): a permanent failure.</summary>
    public HashSet<string> RejectedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    public IReadOnlyList<ReceivedMail> Messages
    {
        get
        {
            lock (_messages) return _messages.ToList();
        }
    }

    /// <summary>The settings that point the app at this server.</summary>
    public Dictionary<string, string?> Settings() => new()
    {
        ["Charter:Smtp:Host"] = "127.0.0.1",
        ["Charter:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Charter:Smtp:From"] = "noreply@chartertracker.test",
        ["Charter:Smtp:Timeout"] = "00:00:10",
    };

    public static SmtpListener Start()
    {
        var server = new SmtpListener();
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
        try
        {
            await using var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.Latin1);
            await using var writer = new StreamWriter(stream, Encoding.Latin1) { NewLine = "\r\n", AutoFlush = true };
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
                    case "HELO":
                        await writer.WriteLineAsync("250 localhost");
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
                        lock (_messages) _messages.Add(new ReceivedMail(from ?? "", to.ToList(), data.ToString()));
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
        catch (Exception e) when (e is IOException or OperationCanceledException or ObjectDisposedException)
        {
            // The client hung up, or the test is over.
        }
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
    }
}

/// <summary>One message as the server received it, with its subject and text decoded for assertions.</summary>
public sealed partial record ReceivedMail(string From, IReadOnlyList<string> To, string Raw)
{
    private string Headers => Raw.Split("\r\n\r\n", 2)[0].Replace("\r\n ", " ", StringComparison.Ordinal).Replace("\r\n\t", " ", StringComparison.Ordinal);

    public string? Header(string name) =>
        Headers.Split("\r\n").Select(h => h.Split(':', 2)).Where(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))
            .Select(p => p[1].Trim()).FirstOrDefault();

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
