using System.Text;
using CharterTracker.Calendar;

namespace CharterTracker.Tests.Calendar;

public sealed class BengaliDateTests
{
    private const int Boishakh = 1;
    private const int Ashwin = 6;
    private const int Kartik = 7;
    private const int Poush = 9;
    private const int Falgun = 11;
    private const int Chaitra = 12;

    private static readonly DateOnly FirstCheckedDay = new(1990, 1, 1);
    private static readonly DateOnly LastCheckedDay = new(2100, 12, 31);

    [Test]
    public void Twenty_second_September_2024_is_seventh_Ashwin_1431() =>
        AssertAnchor(new DateOnly(2024, 9, 22), 1431, Ashwin, 7, "৭ আশ্বিন ১৪৩১", "7 Ashwin 1431");

    [Test]
    public void Fourteenth_April_2024_is_first_Boishakh_1431() =>
        AssertAnchor(new DateOnly(2024, 4, 14), 1431, Boishakh, 1, "১ বৈশাখ ১৪৩১", "1 Boishakh 1431");

    [Test]
    public void Thirteenth_April_2024_is_thirtieth_Chaitra_1430() =>
        AssertAnchor(new DateOnly(2024, 4, 13), 1430, Chaitra, 30, "৩০ চৈত্র ১৪৩০", "30 Chaitro 1430");

    [Test]
    public void Sixteenth_December_2024_is_first_Poush_1431() =>
        AssertAnchor(new DateOnly(2024, 12, 16), 1431, Poush, 1, "১ পৌষ ১৪৩১", "1 Poush 1431");

    [Test]
    public void Ekushey_twenty_first_February_2024_is_eighth_Falgun_1430() =>
        AssertAnchor(new DateOnly(2024, 2, 21), 1430, Falgun, 8, "৮ ফাল্গুন ১৪৩০", "8 Falgun 1430");

    [Test]
    public void Twenty_sixth_March_2025_is_twelfth_Chaitra_1431() =>
        AssertAnchor(new DateOnly(2025, 3, 26), 1431, Chaitra, 12, "১২ চৈত্র ১৪৩১", "12 Chaitro 1431");

    [Test]
    public void Fourteenth_April_1990_is_first_Boishakh_1397() =>
        AssertAnchor(new DateOnly(1990, 4, 14), 1397, Boishakh, 1, "১ বৈশাখ ১৩৯৭", "1 Boishakh 1397");

    [Test]
    public void Twenty_first_February_is_eighth_Falgun_in_every_year_leap_or_not()
    {
        var notEighthFalgun = Enumerable.Range(FirstCheckedDay.Year, LastCheckedDay.Year - FirstCheckedDay.Year + 1)
            .Select(year => BengaliDate.FromGregorian(new DateOnly(year, 2, 21)))
            .Where(date => date.Month != Falgun || date.Day != 8)
            .ToList();

        Assert.That(notEighthFalgun, Is.Empty);
    }

    [Test]
    public void Falgun_has_thirty_days_when_it_contains_twenty_ninth_February()
    {
        Assert.Multiple(() =>
        {
            // Falgun 1430 runs through February 2024, a leap year.
            Assert.That(BengaliDate.DaysInMonth(1430, Falgun), Is.EqualTo(30));
            Assert.That(BengaliDate.FromGregorian(new DateOnly(2024, 2, 29)), Is.EqualTo(new BengaliDate(1430, Falgun, 16)));
            Assert.That(new BengaliDate(1430, Falgun, 30).ToGregorian(), Is.EqualTo(new DateOnly(2024, 3, 14)));
            Assert.That(BengaliDate.DaysInMonth(1431, Falgun), Is.EqualTo(29));
            Assert.That(new BengaliDate(1431, Falgun, 29).ToGregorian(), Is.EqualTo(new DateOnly(2025, 3, 14)));
        });
    }

    [Test]
    public void First_Chaitra_is_fifteenth_March_in_leap_and_common_years()
    {
        Assert.Multiple(() =>
        {
            Assert.That(new BengaliDate(1430, Chaitra, 1).ToGregorian(), Is.EqualTo(new DateOnly(2024, 3, 15)));
            Assert.That(new BengaliDate(1431, Chaitra, 1).ToGregorian(), Is.EqualTo(new DateOnly(2025, 3, 15)));
        });
    }

    [Test]
    public void First_six_months_have_thirty_one_days_and_the_rest_thirty_except_Falgun()
    {
        var lengths = Enumerable.Range(1, 12).Select(month => BengaliDate.DaysInMonth(1431, month));

        Assert.That(lengths, Is.EqualTo(new[] { 31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30 }));
    }

    [Test]
    public void Every_day_from_1990_to_2100_round_trips_through_the_Bengali_calendar()
    {
        var failures = new List<string>();
        for (var date = FirstCheckedDay; date <= LastCheckedDay; date = date.AddDays(1))
        {
            var bengali = BengaliDate.FromGregorian(date);
            var back = bengali.ToGregorian();
            if (back != date)
            {
                failures.Add($"{date:yyyy-MM-dd} -> {bengali} -> {back:yyyy-MM-dd}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Every_day_from_1990_to_2100_matches_an_independent_day_by_day_walk()
    {
        // Walks forward one day at a time from 1 Boishakh 1396 (14 April 1989, a year before the checked range), using
        // its own month table and leap rule. Falgun lies in February/March, so the Gregorian year of the day being
        // walked is the one whose leap day decides Falgun's length.
        int[] monthLengths = [31, 31, 31, 31, 31, 31, 30, 30, 30, 30, 29, 30];
        static bool IsGregorianLeap(int year) => (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;

        var failures = new List<string>();
        var (year, month, day) = (1396, 1, 1);
        for (var date = new DateOnly(1989, 4, 14); date <= LastCheckedDay; date = date.AddDays(1))
        {
            if (month == 1 && day == 1 && (date.Month, date.Day) != (4, 14))
            {
                failures.Add($"walk reached 1 Boishakh {year} on {date:yyyy-MM-dd} instead of 14 April");
            }

            if (date >= FirstCheckedDay)
            {
                var expected = new BengaliDate(year, month, day);
                var fromGregorian = BengaliDate.FromGregorian(date);
                var toGregorian = expected.ToGregorian();
                if (fromGregorian != expected || toGregorian != date)
                {
                    failures.Add($"{date:yyyy-MM-dd}: walk {day}/{month}/{year}, " +
                                 $"FromGregorian {fromGregorian}, ToGregorian {toGregorian:yyyy-MM-dd}");
                }
            }

            var length = month == Falgun && IsGregorianLeap(date.Year) ? 30 : monthLengths[month - 1];
            day++;
            if (day > length)
            {
                (day, month) = (1, month + 1);
                if (month > 12)
                {
                    (month, year) = (1, year + 1);
                }
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Every_year_has_366_days_exactly_when_the_following_February_has_29()
    {
        var failures = new List<string>();
        for (var year = 1396; year <= 1507; year++)
        {
            var monthSum = Enumerable.Range(1, 12).Sum(month => BengaliDate.DaysInMonth(year, month));
            var span = new BengaliDate(year + 1, Boishakh, 1).ToGregorian().DayNumber
                       - new BengaliDate(year, Boishakh, 1).ToGregorian().DayNumber;
            var expected = DateTime.DaysInMonth(year + 594, 2) == 29 ? 366 : 365;
            if (monthSum != expected || span != expected || BengaliDate.DaysInYear(year) != expected)
            {
                failures.Add($"{year}: months {monthSum}, span {span}, DaysInYear {BengaliDate.DaysInYear(year)}, expected {expected}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [Test]
    public void Thirtieth_Falgun_exists_only_in_leap_years()
    {
        var failures = new List<string>();
        for (var year = 1396; year <= 1507; year++)
        {
            var leap = DateTime.IsLeapYear(year + 594);
            var exists = TryCreate(year, Falgun, 30);
            if (exists != leap)
            {
                failures.Add($"{year}: 30 Falgun exists = {exists}, Falgun in leap year = {leap}");
            }
        }

        Assert.That(failures, Is.Empty);
    }

    [TestCase(1431, 0, 1)]
    [TestCase(1431, 13, 1)]
    [TestCase(1431, Boishakh, 0)]
    [TestCase(1431, Boishakh, 32)]
    [TestCase(1431, Kartik, 31)]
    [TestCase(1431, Falgun, 30)]
    [TestCase(0, Boishakh, 1)]
    [TestCase(BengaliDate.MaxYear + 1, Boishakh, 1)]
    public void Constructor_rejects_a_day_month_or_year_outside_the_calendar(int year, int month, int day) =>
        Assert.That(() => new BengaliDate(year, month, day), Throws.TypeOf<ArgumentOutOfRangeException>());

    [TestCase(0)]
    [TestCase(13)]
    public void DaysInMonth_rejects_a_month_outside_one_to_twelve(int month) =>
        Assert.That(() => BengaliDate.DaysInMonth(1431, month), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void FromGregorian_covers_exactly_the_years_the_struct_can_hold()
    {
        Assert.Multiple(() =>
        {
            Assert.That(BengaliDate.FromGregorian(new DateOnly(594, 4, 14)), Is.EqualTo(new BengaliDate(BengaliDate.MinYear, Boishakh, 1)));
            Assert.That(BengaliDate.FromGregorian(new DateOnly(9999, 4, 13)), Is.EqualTo(new BengaliDate(BengaliDate.MaxYear, Chaitra, 30)));
            Assert.That(() => BengaliDate.FromGregorian(new DateOnly(594, 4, 13)), Throws.TypeOf<ArgumentOutOfRangeException>());
            Assert.That(() => BengaliDate.FromGregorian(new DateOnly(9999, 4, 14)), Throws.TypeOf<ArgumentOutOfRangeException>());
        });
    }

    [Test]
    public void Default_value_is_not_mistaken_for_a_real_date() =>
        Assert.That(() => default(BengaliDate).ToGregorian(), Throws.InvalidOperationException);

    [TestCase(1, "বৈশাখ", "Boishakh")]
    [TestCase(2, "জ্যৈষ্ঠ", "Joishtho")]
    [TestCase(3, "আষাঢ়", "Asharh")]
    [TestCase(4, "শ্রাবণ", "Srabon")]
    [TestCase(5, "ভাদ্র", "Bhadro")]
    [TestCase(6, "আশ্বিন", "Ashwin")]
    [TestCase(7, "কার্তিক", "Kartik")]
    [TestCase(8, "অগ্রহায়ণ", "Ogrohayon")]
    [TestCase(9, "পৌষ", "Poush")]
    [TestCase(10, "মাঘ", "Magh")]
    [TestCase(11, "ফাল্গুন", "Falgun")]
    [TestCase(12, "চৈত্র", "Chaitro")]
    public void Bengali_month_has_its_Bengali_and_English_name(int month, string bengali, string english)
    {
        var date = new BengaliDate(1431, month, 1);
        Assert.Multiple(() =>
        {
            Assert.That(date.MonthNameBengali, Is.EqualTo(bengali.Normalize(NormalizationForm.FormC)));
            Assert.That(date.MonthNameEnglish, Is.EqualTo(english));
            Assert.That(BengaliNames.BengaliMonth(month), Is.EqualTo(date.MonthNameBengali));
            Assert.That(BengaliNames.BengaliMonthEnglish(month), Is.EqualTo(english));
        });
    }

    [TestCase(DayOfWeek.Sunday, "রবিবার")]
    [TestCase(DayOfWeek.Monday, "সোমবার")]
    [TestCase(DayOfWeek.Tuesday, "মঙ্গলবার")]
    [TestCase(DayOfWeek.Wednesday, "বুধবার")]
    [TestCase(DayOfWeek.Thursday, "বৃহস্পতিবার")]
    [TestCase(DayOfWeek.Friday, "শুক্রবার")]
    [TestCase(DayOfWeek.Saturday, "শনিবার")]
    public void Weekday_has_its_Bengali_name(DayOfWeek day, string expected) =>
        Assert.That(BengaliNames.Weekday(day), Is.EqualTo(expected.Normalize(NormalizationForm.FormC)));

    [Test]
    public void Weekday_rejects_a_value_that_is_not_a_day() =>
        Assert.That(() => BengaliNames.Weekday((DayOfWeek)7), Throws.TypeOf<ArgumentOutOfRangeException>());

    [Test]
    public void Gregorian_months_have_their_Bengali_names()
    {
        var names = Enumerable.Range(1, 12).Select(BengaliNames.GregorianMonth);

        Assert.That(names, Is.EqualTo(new[]
        {
            "জানুয়ারি", "ফেব্রুয়ারি", "মার্চ", "এপ্রিল", "মে", "জুন",
            "জুলাই", "আগস্ট", "সেপ্টেম্বর", "অক্টোবর", "নভেম্বর", "ডিসেম্বর",
        }.Select(name => name.Normalize(NormalizationForm.FormC))));
    }

    [Test]
    public void All_Bengali_names_are_stored_in_normalization_form_C()
    {
        var names = Enumerable.Range(1, 12).SelectMany(month => new[] { BengaliNames.BengaliMonth(month), BengaliNames.GregorianMonth(month) })
            .Concat(Enum.GetValues<DayOfWeek>().Select(BengaliNames.Weekday));

        Assert.That(names.Where(name => !name.IsNormalized(NormalizationForm.FormC)), Is.Empty);
    }

    [Test]
    public void Twenty_second_September_2024_is_formatted_as_a_Gregorian_date_in_both_languages()
    {
        var date = new DateOnly(2024, 9, 22);
        Assert.Multiple(() =>
        {
            Assert.That(BengaliNames.FormatGregorianBengali(date), Is.EqualTo("২২ সেপ্টেম্বর ২০২৪"));
            Assert.That(BengaliNames.FormatGregorianEnglish(date), Is.EqualTo("22 September 2024"));
            Assert.That(BengaliNames.Weekday(date.DayOfWeek), Is.EqualTo("রবিবার"));
        });
    }

    [Test]
    [SetCulture("bn-BD")]
    public void English_formats_do_not_follow_the_current_culture()
    {
        var date = new DateOnly(2024, 9, 22);
        Assert.Multiple(() =>
        {
            Assert.That(BengaliNames.FormatGregorianEnglish(date), Is.EqualTo("22 September 2024"));
            Assert.That(BengaliDate.FromGregorian(date).ToEnglishString(), Is.EqualTo("7 Ashwin 1431"));
        });
    }

    private static void AssertAnchor(DateOnly gregorian, int year, int month, int day, string bengaliText, string englishText)
    {
        var date = BengaliDate.FromGregorian(gregorian);
        Assert.Multiple(() =>
        {
            Assert.That(date.Year, Is.EqualTo(year));
            Assert.That(date.Month, Is.EqualTo(month));
            Assert.That(date.Day, Is.EqualTo(day));
            Assert.That(date.ToBengaliString(), Is.EqualTo(bengaliText));
            Assert.That(date.ToEnglishString(), Is.EqualTo(englishText));
            Assert.That(new BengaliDate(year, month, day).ToGregorian(), Is.EqualTo(gregorian));
        });
    }

    private static bool TryCreate(int year, int month, int day)
    {
        try
        {
            _ = new BengaliDate(year, month, day);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            return false;
        }
    }
}
