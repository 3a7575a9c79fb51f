using System.Globalization;

namespace CharterTracker.Calendar;

/// <summary>
/// A date in the revised Bengali calendar used officially in Bangladesh since the 2019 revision.
/// The revision fixes 1 Boishakh on 14 April every year and lengthens Falgun to 30 days in years whose Falgun
/// contains 29 February, so that 21 February (Ekushey) always falls on 8 Falgun.
/// </summary>
/// <remarks>
/// <c>default(BengaliDate)</c> is not a valid date (month 0); members that need a real date throw
/// <see cref="InvalidOperationException"/> for it rather than silently producing a wrong Gregorian date.
/// </remarks>
public readonly record struct BengaliDate
{
    /// <summary>1 Boishakh 1 = 14 April 594, the earliest date the Gregorian side can represent in full.</summary>
    public const int MinYear = 1;

    /// <summary>Year 9406 would end in Gregorian year 10000, which <see cref="DateOnly"/> cannot represent.</summary>
    public const int MaxYear = 9405;

    // Gregorian year in which a Bengali year begins (on 14 April) = Bengali year + this offset.
    private const int GregorianOffset = 593;
    private const int NewYearMonth = 4;
    private const int NewYearDay = 14;
    private const int Falgun = 11;

    private static readonly DateOnly MinGregorian = new(MinYear + GregorianOffset, NewYearMonth, NewYearDay);
    private static readonly DateOnly MaxGregorian = new DateOnly(MaxYear + GregorianOffset + 1, NewYearMonth, NewYearDay).AddDays(-1);

    public BengaliDate(int year, int month, int day)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(year, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        ArgumentOutOfRangeException.ThrowIfLessThan(day, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(day, DaysInMonth(year, month));

        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }

    /// <summary>1 = Boishakh … 12 = Chaitro.</summary>
    public int Month { get; }

    public int Day { get; }

    public string MonthNameBengali => BengaliNames.BengaliMonth(ValidMonth);

    public string MonthNameEnglish => BengaliNames.BengaliMonthEnglish(ValidMonth);

    /// <exception cref="ArgumentOutOfRangeException">
    /// The date lies outside 14 April 594 … 13 April 9999 (Bengali years <see cref="MinYear"/>..<see cref="MaxYear"/>).
    /// </exception>
    public static BengaliDate FromGregorian(DateOnly date)
    {
        if (date < MinGregorian || date > MaxGregorian)
        {
            throw new ArgumentOutOfRangeException(nameof(date), date,
                $"Only dates from {MinGregorian:yyyy-MM-dd} to {MaxGregorian:yyyy-MM-dd} can be converted.");
        }

        var startsBeforeNewYear = date.Month < NewYearMonth || (date.Month == NewYearMonth && date.Day < NewYearDay);
        var newYearGregorianYear = startsBeforeNewYear ? date.Year - 1 : date.Year;
        var year = newYearGregorianYear - GregorianOffset;

        var remaining = date.DayNumber - new DateOnly(newYearGregorianYear, NewYearMonth, NewYearDay).DayNumber;
        var month = 1;
        while (remaining >= DaysInMonth(year, month))
        {
            remaining -= DaysInMonth(year, month);
            month++;
        }

        return new BengaliDate(year, month, remaining + 1);
    }

    public DateOnly ToGregorian()
    {
        var daysBeforeMonth = 0;
        for (var m = 1; m < ValidMonth; m++)
        {
            daysBeforeMonth += DaysInMonth(Year, m);
        }

        return new DateOnly(Year + GregorianOffset, NewYearMonth, NewYearDay).AddDays(daysBeforeMonth + Day - 1);
    }

    public static int DaysInMonth(int bengaliYear, int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bengaliYear, MinYear);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bengaliYear, MaxYear);
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);

        return month switch
        {
            <= 6 => 31,
            // Falgun spans February of the *following* Gregorian year, so that year's leap day decides.
            Falgun => DateTime.IsLeapYear(bengaliYear + GregorianOffset + 1) ? 30 : 29,
            _ => 30,
        };
    }

    // Falgun is the only month whose length varies.
    public static int DaysInYear(int bengaliYear) => 336 + DaysInMonth(bengaliYear, Falgun);

    /// <summary>"৭ আশ্বিন ১৪৩১".</summary>
    public string ToBengaliString() =>
        $"{BengaliDigits.ToBengali(Day)} {MonthNameBengali} {BengaliDigits.ToBengali(Year)}";

    /// <summary>"7 Ashwin 1431".</summary>
    public string ToEnglishString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Day} {MonthNameEnglish} {Year}");

    private int ValidMonth => Month != 0
        ? Month
        : throw new InvalidOperationException("default(BengaliDate) is not a valid date; construct one or use FromGregorian.");
}

/// <summary>
/// Bengali names for calendar display. Strings are stored in Unicode NFC (e.g. য় as য + nukta) so that they compare
/// equal to normalized user input and database text.
/// </summary>
public static class BengaliNames
{
    private static readonly string[] BengaliMonths =
    [
        "বৈশাখ", "জ্যৈষ্ঠ", "আষাঢ়", "শ্রাবণ", "ভাদ্র", "আশ্বিন",
        "কার্তিক", "অগ্রহায়ণ", "পৌষ", "মাঘ", "ফাল্গুন", "চৈত্র",
    ];

    private static readonly string[] BengaliMonthsEnglish =
    [
        "Boishakh", "Joishtho", "Asharh", "Srabon", "Bhadro", "Ashwin",
        "Kartik", "Ogrohayon", "Poush", "Magh", "Falgun", "Chaitro",
    ];

    private static readonly string[] GregorianMonths =
    [
        "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন",
        "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
    ];

    // Indexed by DayOfWeek, which starts at Sunday.
    private static readonly string[] Weekdays =
    [
        "রবিবার", "সোমবার", "মঙ্গলবার", "বুধবার", "বৃহস্পতিবার", "শুক্রবার", "শনিবার",
    ];

    /// <param name="month">1 = বৈশাখ … 12 = চৈত্র.</param>
    public static string BengaliMonth(int month) => BengaliMonths[CheckMonth(month) - 1];

    /// <param name="month">1 = Boishakh … 12 = Chaitro.</param>
    public static string BengaliMonthEnglish(int month) => BengaliMonthsEnglish[CheckMonth(month) - 1];

    /// <param name="month">1 = জানুয়ারি … 12 = ডিসেম্বর.</param>
    public static string GregorianMonth(int month) => GregorianMonths[CheckMonth(month) - 1];

    public static string Weekday(DayOfWeek day)
    {
        if (!Enum.IsDefined(day))
        {
            throw new ArgumentOutOfRangeException(nameof(day), day, "Not a day of the week.");
        }

        return Weekdays[(int)day];
    }

    /// <summary>"২২ সেপ্টেম্বর ২০২৪".</summary>
    public static string FormatGregorianBengali(DateOnly date) =>
        $"{BengaliDigits.ToBengali(date.Day)} {GregorianMonth(date.Month)} {BengaliDigits.ToBengali(date.Year)}";

    /// <summary>"22 September 2024", independent of the server culture.</summary>
    public static string FormatGregorianEnglish(DateOnly date) =>
        date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    private static int CheckMonth(int month)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(month, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(month, 12);
        return month;
    }
}
