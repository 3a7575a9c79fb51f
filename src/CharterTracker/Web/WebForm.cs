using System.Globalization;
using CharterTracker.Calendar;
using CharterTracker.Evidence;
using CharterTracker.Pipeline;
using MediatR;
using Microsoft.Extensions.Primitives;

namespace CharterTracker.Web;

/// <summary>
/// An HTML form's values and its errors. Inputs carry the command's own field names (<c>updatedOn</c>,
/// <c>portalReference</c>…), so the errors a command's validator returns land next to the input they concern; an
/// error for a field the form has no input for still shows in the summary at the top. A form that fails is shown
/// again with everything the user typed.
/// </summary>
public sealed class WebForm
{
    private readonly Dictionary<string, StringValues> _values;
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.Ordinal);
    private readonly WebText _text;

    private WebForm(WebText text, string token, Dictionary<string, StringValues> values, IFormFileCollection? files)
    {
        _text = text;
        Token = token;
        _values = values;
        Files = files;
    }

    /// <summary>The words of the page the form is on (placeholders, formats).</summary>
    public WebText Words => _text;

    /// <summary>The antiforgery token the form posts back.</summary>
    public string Token { get; }

    public IFormFileCollection? Files { get; }

    /// <summary>A new form with the values it starts with.</summary>
    public static WebForm Blank(PageRequest web, IReadOnlyDictionary<string, string?> defaults) =>
        new(web.Text, web.AntiforgeryToken(), defaults.Where(d => d.Value is not null).ToDictionary(d => d.Key, d => new StringValues(d.Value), StringComparer.Ordinal), null);

    /// <summary>The posted form, after checking that it was posted from one of our pages (the antiforgery token).</summary>
    public static async Task<WebForm> ReadAsync(PageRequest web)
    {
        if (!web.Http.Request.HasFormContentType) throw new BadPageRequestException();
        await web.ValidateAntiforgeryAsync();
        var form = await web.Http.Request.ReadWellFormedFormAsync(web.Aborted);
        return new WebForm(web.Text, web.AntiforgeryToken(), form.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal), form.Files);
    }

    public string Value(string name) => _values.TryGetValue(name, out var value) ? value.ToString() : "";

    public IReadOnlyList<string> Values(string name) => _values.TryGetValue(name, out var value) ? value.Where(v => v is not null).Select(v => v!).ToList() : [];

    public void Set(string name, string? value)
    {
        if (value is null) _values.Remove(name);
        else _values[name] = value;
    }

    public bool Valid => _errors.Count == 0;

    /// <summary>Every error with the field it concerns, in the order found.</summary>
    public IEnumerable<(string Field, string Message)> Errors => _errors.SelectMany(e => e.Value.Select(m => (e.Key, m)));

    /// <summary>The errors of a field, and of its parts: <c>attendees</c> shows <c>attendees[2].name</c>'s too.</summary>
    public IReadOnlyList<string> ErrorsOf(string name) =>
        _errors.Where(e => e.Key == name || e.Key.StartsWith(name + ".", StringComparison.Ordinal) || e.Key.StartsWith(name + "[", StringComparison.Ordinal))
            .SelectMany(e => e.Value).ToList();

    public void AddError(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list)) _errors[field] = list = [];
        if (!list.Contains(message)) list.Add(message);
    }

    /// <summary>Shows a field's errors beside other inputs instead: the ones that caused them (an area's total, beside the weights that changed).</summary>
    public void MoveErrors(string from, IReadOnlyCollection<string> to)
    {
        if (to.Count == 0 || !_errors.Remove(from, out var messages)) return;
        foreach (var field in to)
        {
            foreach (var message in messages) AddError(field, message);
        }
    }

    /// <summary>The trimmed text of a field; null when left empty.</summary>
    public string? Text(string name) => Value(name).Trim() is { Length: > 0 } text ? text : null;

    /// <summary>
    /// What a person typed where a number, a date or a year goes, with Bengali digits read as the digits they are
    /// (a Bengali keyboard types ২০২৪-২৫); null when left empty.
    /// </summary>
    public string? Typed(string name) => Text(name) is { } text ? BengaliDigits.ToLatin(text) : null;

    /// <summary>A date typed dd/mm/yyyy (or yyyy-mm-dd), Bengali digits too (<see cref="TypedInput"/>); a malformed one is an error on the field.</summary>
    public DateOnly? Date(string name) => Parsed<DateOnly>(name, TypedInput.TryDate, _text.NotADate);

    /// <summary>A 24-hour time, HH:mm (or HH.mm), Bengali digits too; null when empty or malformed (the caller says which).</summary>
    public TimeOnly? Time(string name) => Text(name) is { } text && TypedInput.TryTime(text, out var time) ? time : null;

    public int? Int(string name) => Parsed<int>(name, TypedInput.TryInt, _text.NotANumber);

    public long? Long(string name) => Parsed<long>(name, TypedInput.TryLong, _text.NotANumber);

    public decimal? Decimal(string name) => Parsed<decimal>(name, TypedInput.TryDecimal, _text.NotANumber);

    private delegate bool TryParse<T>(string? text, out T value);

    private T? Parsed<T>(string name, TryParse<T> parse, string error) where T : struct
    {
        if (Text(name) is not { } text) return null;
        if (parse(text, out var value)) return value;
        AddError(name, error);
        return null;
    }

    public bool Checked(string name) => Values(name).Any(v => v is "true" or "on");

    /// <summary>Non-empty lines of a textarea.</summary>
    public IReadOnlyList<string> Lines(string name) =>
        Value(name).Split('\n').Select(line => line.Trim()).Where(line => line.Length > 0).ToList();

    /// <summary>Whole-number ids kept in hidden fields (uploaded evidence, so that a failed save does not lose the upload).</summary>
    public IReadOnlyList<long> Ids(string name) =>
        Values(name).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(v => long.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : -1).Where(id => id > 0).Distinct().ToList();

    public IFormFile? File(string name) => Files?.GetFile(name) is { Length: > 0 } file ? file : null;

    /// <summary>
    /// Sends a command in the page's language. A user's mistake (validation, a conflict on a field, a refused file)
    /// becomes errors on the form and the result is default; anything else (403, 404) goes on to the page's handler.
    /// </summary>
    public async Task<T?> SendAsync<T>(PageRequest web, IRequest<T> command, string fileField = "file")
    {
        if (!Valid) return default;
        Say.Use(web.Text.Language);
        try
        {
            return await web.Mediator.Send(command, web.Aborted);
        }
        catch (RequestValidationException e)
        {
            foreach (var (field, messages) in e.Errors)
            {
                foreach (var message in messages) AddError(field, message);
            }
        }
        catch (ConflictException e)
        {
            AddError(e.Field ?? "form", e.Message);
        }
        catch (EvidenceTooLargeException e)
        {
            AddError(fileField, _text.FileTooLarge(e.Message));
        }
        catch (EvidenceTypeRefusedException e)
        {
            AddError(fileField, _text.FileRefused(e.Message));
        }
        return default;
    }
}
