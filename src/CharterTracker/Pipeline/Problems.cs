namespace CharterTracker.Pipeline;

/// <summary>
/// An error that carries its own answer, so that <see cref="ProblemDetailsMapper"/> knows no feature: its status,
/// title and, when the mistake concerns one field (an uploaded file), the field it is filed under in <c>errors</c>.
/// The message is the answer's detail. A 4xx is audited as Rejected, a 5xx as Failed (and logged).
/// </summary>
public abstract class ProblemException(int status, string title, string message, string? field = null, Exception? inner = null)
    : Exception(message, inner)
{
    public int Status { get; } = status;

    public string Title { get; } = title;

    public string? Field { get; } = field;
}

/// <summary>The caller's request was refused (a 4xx): audited as Rejected, never logged as an error.</summary>
public abstract class RejectedRequestException(string message) : Exception(message);

/// <summary>400: the request is malformed or breaks a rule; <see cref="Errors"/> is keyed by camelCase field name.</summary>
public sealed class RequestValidationException(IReadOnlyDictionary<string, string[]> errors)
    : RejectedRequestException("The request is not valid: " + string.Join("; ", errors.Select(e => $"{e.Key}: {string.Join(" ", e.Value)}")))
{
    public RequestValidationException(string field, string message)
        : this(new Dictionary<string, string[]> { [field] = [message] })
    {
    }

    public IReadOnlyDictionary<string, string[]> Errors { get; } = errors;
}

/// <summary>404: the thing named does not exist (or the caller may not know that it does).</summary>
public sealed class NotFoundException(string message) : RejectedRequestException(message);

/// <summary>403: the caller is known but the thing is outside what their role and office allow.</summary>
public sealed class ForbiddenException(string message) : RejectedRequestException(message);

/// <summary>401: no valid identity (a bad password, a deactivated account).</summary>
public sealed class UnauthenticatedException(string message) : RejectedRequestException(message);

/// <summary>409: the request is well-formed but conflicts with what is stored (a duplicate code, a locked period).</summary>
public sealed class ConflictException(string message, string? field = null) : RejectedRequestException(message)
{
    public string? Field { get; } = field;
}

/// <summary>429: the caller must wait (too many failed sign-ins); <see cref="RetryAfter"/> becomes the Retry-After header.</summary>
public sealed class TooManyRequestsException(string message, TimeSpan retryAfter) : RejectedRequestException(message)
{
    public TimeSpan RetryAfter { get; } = retryAfter;

    /// <summary>The Retry-After header's value: whole seconds, at least one.</summary>
    public string RetryAfterSeconds => Math.Max(1, (long)Math.Ceiling(RetryAfter.TotalSeconds)).ToString(System.Globalization.CultureInfo.InvariantCulture);
}
