using System.Globalization;
using Microsoft.Extensions.Options;

namespace CharterTracker.Calendar;

/// <summary>A fiscal year, e.g. <c>2024-25</c> = 1 Jul 2024 – 30 Jun 2025 when the year starts in July.</summary>
public sealed record FiscalYear(int StartYear, int StartMonth)
{
    public DateOnly Start => new(StartYear, StartMonth, 1);

    /// <summary>The last day, inclusive.</summary>
    public DateOnly End => Start.AddYears(1).AddDays(-1);

    /// <summary>"2024-25"; a year starting in January is just "2024".</summary>
    public string Name => StartMonth == 1
        ? StartYear.ToString(CultureInfo.InvariantCulture)
        : $"{StartYear}-{(StartYear + 1) % 100:00}";

    public FiscalQuarter Quarter(int number) =>
        number is >= 1 and <= 4 ? new FiscalQuarter(this, number) : throw new ArgumentOutOfRangeException(nameof(number), number, "A quarter is 1..4.");

    public IEnumerable<FiscalQuarter> Quarters => Enumerable.Range(1, 4).Select(Quarter);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public FiscalYear Next => this with { StartYear = StartYear + 1 };

    public override string ToString() => Name;

    /// <summary>Parses "2024-25" (or "2024" for a January year); the second part must follow the first.</summary>
    public static bool TryParse(string? text, int startMonth, out FiscalYear year)
    {
        year = null!;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('-');
        if (!int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var start) || parts[0].Length != 4 || start < 1900 || start > 2999)
        {
            return false;
        }
        if (startMonth == 1)
        {
            if (parts.Length != 1) return false;
        }
        else if (parts.Length != 2 || parts[1].Length != 2
                 || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var end) || end != (start + 1) % 100)
        {
            return false;
        }
        year = new FiscalYear(start, startMonth);
        return true;
    }
}

/// <summary>Q1..Q4 of a fiscal year, three months each.</summary>
public sealed record FiscalQuarter(FiscalYear Year, int Number)
{
    public DateOnly Start => Year.Start.AddMonths(3 * (Number - 1));

    /// <summary>The last day, inclusive.</summary>
    public DateOnly End => Start.AddMonths(3).AddDays(-1);

    public bool Contains(DateOnly date) => date >= Start && date <= End;

    public FiscalQuarter Next => Number == 4 ? Year.Next.Quarter(1) : Year.Quarter(Number + 1);

    public override string ToString() => $"{Year.Name} Q{Number}";
}

/// <summary>
/// Turns the clock into calendar dates of the deployment's time zone and dates into fiscal periods. The only
/// place that reads the time zone; everything that asks "what day is it" asks this.
/// </summary>
public sealed class FiscalCalendar
{
    private readonly TimeProvider _clock;

    public FiscalCalendar(IOptions<CharterOptions> options, TimeProvider clock)
        : this(options.Value.FiscalYearStartMonth, options.Value.TimeZone, clock)
    {
    }

    public FiscalCalendar(int startMonth, string timeZone, TimeProvider clock)
    {
        if (startMonth is < 1 or > 12)
        {
            throw new ArgumentOutOfRangeException(nameof(startMonth), startMonth, "Charter:FiscalYearStartMonth must be 1..12.");
        }
        StartMonth = startMonth;
        Zone = TimeZoneInfo.FindSystemTimeZoneById(timeZone);
        _clock = clock;
    }

    public int StartMonth { get; }

    public TimeZoneInfo Zone { get; }

    public DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(_clock.GetUtcNow(), Zone).DateTime);

    public FiscalYear YearOf(DateOnly date) =>
        new(date.Month >= StartMonth ? date.Year : date.Year - 1, StartMonth);

    public FiscalQuarter QuarterOf(DateOnly date)
    {
        var year = YearOf(date);
        var monthsIn = (date.Year - year.StartYear) * 12 + date.Month - StartMonth;
        return year.Quarter(monthsIn / 3 + 1);
    }

    public FiscalQuarter CurrentQuarter => QuarterOf(Today);

    public bool TryParseYear(string? text, out FiscalYear year) => FiscalYear.TryParse(text, StartMonth, out year);

    /// <summary>
    /// The year a validated request names. Its validator refused any other text (<c>FiscalYearName</c>, a 400 naming
    /// <c>fiscalYear</c>), so a handler reads the year here rather than parsing it again and ignoring the outcome.
    /// </summary>
    public FiscalYear Year(string? name) => TryParseYear(name, out var year)
        ? year
        : throw new ArgumentException($"'{name}' is not a fiscal year: the request's validator should have refused it.", nameof(name));

    /// <summary>A deadline "on D" holds until the end of day D in the deployment's zone: the first instant after it, in UTC.</summary>
    public DateTimeOffset EndOfDay(DateOnly date)
    {
        var nextMidnight = date.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(nextMidnight, Zone.GetUtcOffset(nextMidnight)).ToUniversalTime();
    }
}
