namespace CharterTracker.Pipeline;

/// <summary>
/// The one way a form is read. The framework throws <see cref="InvalidDataException"/> for a form over its limits but a
/// bare <see cref="IOException"/> for one that is cut short or has a broken boundary; both are the client's mistake, so
/// both come out as <see cref="InvalidDataException"/>, which the API answers 400/413 and the pages with their error page.
/// </summary>
public static class FormReading
{
    public static async Task<IFormCollection> ReadWellFormedFormAsync(this HttpRequest request, CancellationToken cancellationToken)
    {
        try
        {
            return await request.ReadFormAsync(cancellationToken);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested && !request.HttpContext.RequestAborted.IsCancellationRequested)
        {
            throw new InvalidDataException("The form could not be read: it ends before its closing boundary or is not well formed.", e);
        }
    }

    /// <summary>Over FormOptions' limits (a value over 4 MB, more than 1,024 fields…), as opposed to malformed.</summary>
    public static bool IsOverLimit(this InvalidDataException exception) =>
        exception.Message.Contains("limit", StringComparison.OrdinalIgnoreCase);
}
