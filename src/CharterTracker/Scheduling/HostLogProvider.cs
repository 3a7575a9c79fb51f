using Hangfire.Logging;
using Hangfire.AspNetCore;

namespace CharterTracker.Scheduling;

/// <summary>
/// Hangfire's log provider is one per process (static), set to the logger factory of the host that configured it
/// last. A host that stops disposes its factory; another host in the same process (the tests run several) must not
/// fail on it, so loggers of a disposed factory fall silent instead of throwing.
/// </summary>
public sealed class HostLogProvider(ILoggerFactory factory) : ILogProvider
{
    private readonly AspNetCoreLogProvider _inner = new(factory);

    public ILog GetLogger(string name)
    {
        try
        {
            return new Guarded(_inner.GetLogger(name));
        }
        catch (ObjectDisposedException)
        {
            return Silent.Instance;
        }
    }

    private sealed class Guarded(ILog inner) : ILog
    {
        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return inner.Log(logLevel, messageFunc!, exception!);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }

    private sealed class Silent : ILog
    {
        public static readonly Silent Instance = new();

        public bool Log(Hangfire.Logging.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
