using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Pipeline;

/// <summary>
/// Turns what the pipeline throws into RFC 7807 answers: a user's mistake is never a 500, and a validation error
/// names the field the client sent. Anything unexpected is a 500 that says nothing about the internals.
/// </summary>
public sealed partial class ProblemDetailsMapper(IProblemDetailsService problems, ILogger<ProblemDetailsMapper> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status >= StatusCodes.Status500InternalServerError)
        {
            // A 503 or 507 (database busy, disk full) is for the operator to see too, though not a bug.
            logger.Log(problem.Status == StatusCodes.Status500InternalServerError ? LogLevel.Error : LogLevel.Warning,
                exception, "Unhandled error on {Method} {Path}", httpContext.Request.Method, httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = problem.Status!.Value;
        if (exception is TooManyRequestsException tooMany) httpContext.Response.Headers.RetryAfter = tooMany.RetryAfterSeconds;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = httpContext, ProblemDetails = problem, Exception = exception });
    }

    public static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        RequestValidationException e => new HttpValidationProblemDetails(e.Errors.ToDictionary(p => p.Key, p => p.Value))
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = "See errors: each names the field it concerns.",
        },
        BadHttpRequestException { InnerException: JsonException json } => Invalid(FieldOf(json.Path), Simplify(json)),
        BadHttpRequestException e when BindFailure().Match(e.Message) is { Success: true } m =>
            Invalid(m.Groups["name"].Value, $"'{m.Groups["value"].Value}' is not a valid {m.Groups["type"].Value}."),
        BadHttpRequestException e => new ProblemDetails { Status = e.StatusCode, Title = "The request could not be read.", Detail = e.Message },
        NotFoundException e => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "Not found.", Detail = e.Message },
        ForbiddenException e => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "Forbidden.", Detail = e.Message },
        UnauthenticatedException e => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "Not signed in.", Detail = e.Message },
        ConflictException e => Conflict(e.Message, e.Field),
        TooManyRequestsException e => new ProblemDetails { Status = StatusCodes.Status429TooManyRequests, Title = "Too many requests.", Detail = e.Message },
        // The framework's form reader refuses a form over FormOptions' limits (a value over 4 MB, over 1,024 fields…)
        // with this exception wherever a form is read (evidence upload, office import, …): the client's mistake, said as such.
        InvalidDataException e when e.IsOverLimit() => new ProblemDetails
        {
            Status = StatusCodes.Status413PayloadTooLarge, Title = "The form is larger than this server accepts.", Detail = e.Message,
        },
        InvalidDataException e => new ProblemDetails { Status = StatusCodes.Status400BadRequest, Title = "The request body could not be read.", Detail = e.Message },
        ProblemException e => Problem(e.Status, e.Title, e.Message, e.Field),
        // Two requests racing for the same unique value: the loser gets the same answer as a sequential duplicate.
        SqliteException { SqliteErrorCode: 19, SqliteExtendedErrorCode: 2067 or 1555 } => Conflict("A record with the same unique value already exists.", null),
        SqlException { Number: 2627 or 2601 } => Conflict("A record with the same unique value already exists.", null),
        // SQLITE_BUSY / SQLITE_LOCKED after Charter:Database:BusyTimeout: another writer held the lock too long.
        SqliteException { SqliteErrorCode: 5 or 6 } => new ProblemDetails { Status = StatusCodes.Status503ServiceUnavailable, Title = "The database is busy.", Detail = "Another change held the database longer than the configured wait; nothing was saved. Try again." },
        SqliteException { SqliteErrorCode: 13 } => new ProblemDetails { Status = StatusCodes.Status507InsufficientStorage, Title = "The database's disk is full.", Detail = "Nothing was saved; an administrator must free space on the database's disk." },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "An unexpected error occurred.", Detail = "The error has been logged; nothing was saved." },
    };

    /// <summary>A problem whose detail, when it concerns one field, is also filed under that field in <c>errors</c>.</summary>
    private static ProblemDetails Problem(int status, string title, string detail, string? field)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (field is not null) problem.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [detail] };
        return problem;
    }

    private static ProblemDetails Conflict(string detail, string? field) => Problem(StatusCodes.Status409Conflict, "Conflict.", detail, field);

    private static HttpValidationProblemDetails Invalid(string field, string message) =>
        new(new Dictionary<string, string[]> { [field] = [message] })
        {
            Status = StatusCodes.Status400BadRequest,
            Title = "The request is not valid.",
            Detail = "See errors: each names the field it concerns.",
        };

    /// <summary>"$.chair.name" → "chair.name"; "$" (the body itself) → "body".</summary>
    private static string FieldOf(string? jsonPath)
    {
        var path = (jsonPath ?? "$").TrimStart('$').TrimStart('.');
        return path.Length == 0 ? "body" : ValidationBehavior<object, object>.FieldName(path);
    }

    private static string Simplify(JsonException json) =>
        json.Message.StartsWith("The JSON value could not be converted", StringComparison.Ordinal)
            ? "The value has the wrong type or format (dates YYYY-MM-DD, times HH:mm, enums by name)."
            : json.Message.Split(" Path:", 2)[0];

    [GeneratedRegex("""Failed to bind parameter "(?<type>[^ ]+) (?<name>[^"]+)" from "(?<value>[^"]*)"\.""")]
    private static partial Regex BindFailure();
}
