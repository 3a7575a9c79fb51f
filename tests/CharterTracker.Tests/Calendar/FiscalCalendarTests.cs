using CharterTracker.Calendar;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Calendar;

public sealed class FiscalCalendarTests
{
    private const string Dhaka = "Asia/Dhaka";

    private static FiscalCalendar Bangladesh(TestClock? clock = null) => new(7, Dhaka, clock ?? TestClock.At(2024, 8, 15));

    private static FiscalCalendar Thailand(TestClock? clock = null) => new(10, Dhaka, clock ?? TestClock.At(2024, 8, 15));

    private static FiscalYear Year(FiscalCalendar calendar, string name)
    {
        Assert.That(calendar.TryParseYear(name, out var year), Is.True, $"'{name}' should parse");
        return year;
    }

    [Test]
    public void Fiscal_year_2024_25_runs_from_1_July_2024_to_30_June_2025()
    {
        var year = Year(Bangladesh(), "2024-25");

        Assert.Multiple(() =>
        {
            Assert.That(year.Start, Is.EqualTo(new DateOnly(2024, 7, 1)));
            Assert.That(year.End, Is.EqualTo(new DateOnly(2025, 6, 30)));
            Assert.That(year.Name, Is.EqualTo("2024-25"));
            Assert.That(year.ToString(), Is.EqualTo("2024-25"));
            Assert.That(year.Contains(new DateOnly(2024, 6, 30)), Is.False);
            Assert.That(year.Contains(new DateOnly(2024, 7, 1)), Is.True);
            Assert.That(year.Contains(new DateOnly(2025, 6, 30)), Is.True);
            Assert.That(year.Contains(new DateOnly(2025, 7, 1)), Is.False);
            Assert.That(year.Next.Name, Is.EqualTo("2025-26"));
        });
    }

    [TestCase(1, "2024-07-01", "2024-09-30")]
    [TestCase(2, "2024-10-01", "2024-12-31")]
    [TestCase(3, "2025-01-01", "2025-03-31")]
    [TestCase(4, "2025-04-01", "2025-06-30")]
    public void Quarters_of_2024_25_are_three_months_each_starting_in_July(int number, string start, string end)
    {
        var quarter = Year(Bangladesh(), "2024-25").Quarter(number);

        Assert.Multiple(() =>
        {
            Assert.That(quarter.Start, Is.EqualTo(DateOnly.Parse(start, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(quarter.End, Is.EqualTo(DateOnly.Parse(end, System.Globalization.CultureInfo.InvariantCulture)));
            Assert.That(quarter.ToString(), Is.EqualTo($"2024-25 Q{number}"));
        });
    }

    [Test]
    public void The_four_quarters_cover_the_year_without_gaps_or_overlaps()
    {
        var year = Year(Bangladesh(), "2024-25");
        var quarters = year.Quarters.ToList();

        Assert.Multiple(() =>
        {
            Assert.That(quarters.Select(q => q.Number), Is.EqualTo(new[] { 1, 2, 3, 4 }));
            Assert.That(quarters[0].Start, Is.EqualTo(year.Start));
            Assert.That(quarters[3].End, Is.EqualTo(year.End));
            for (var i = 1; i < 4; i++)
            {
                Assert.That(quarters[i].Start, Is.EqualTo(quarters[i - 1].End.AddDays(1)), $"Q{i + 1} starts the day after Q{i} ends");
            }
            Assert.That(quarters[3].Next.ToString(), Is.EqualTo("2025-26 Q1"));
            Assert.That(quarters[0].Next.ToString(), Is.EqualTo("2024-25 Q2"));
        });
    }

    [TestCase(0)]
    [TestCase(5)]
    public void There_is_no_quarter_outside_1_to_4(int number)
    {
        var year = Year(Bangladesh(), "2024-25");

        Assert.That(() => year.Quarter(number), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    [TestCase("2024-06-30", "2023-24 Q4")]
    [TestCase("2024-07-01", "2024-25 Q1")]
    [TestCase("2024-09-30", "2024-25 Q1")]
    [TestCase("2024-10-01", "2024-25 Q2")]
    [TestCase("2024-12-31", "2024-25 Q2")]
    [TestCase("2025-01-01", "2024-25 Q3")]
    [TestCase("2025-03-31", "2024-25 Q3")]
    [TestCase("2025-04-01", "2024-25 Q4")]
    [TestCase("2025-06-30", "2024-25 Q4")]
    [TestCase("2025-07-01", "2025-26 Q1")]
    public void A_boundary_day_falls_in_the_right_quarter_with_a_July_year(string day, string expected)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);
        var calendar = Bangladesh();

        var quarter = calendar.QuarterOf(date);

        Assert.Multiple(() =>
        {
            Assert.That(quarter.ToString(), Is.EqualTo(expected));
            Assert.That(quarter.Contains(date), Is.True);
            Assert.That(calendar.YearOf(date).Name, Is.EqualTo(expected[..7]));
        });
    }

    [Test]
    public void With_an_October_start_2024_25_runs_from_1_October_2024_to_30_September_2025()
    {
        var year = Year(Thailand(), "2024-25");

        Assert.Multiple(() =>
        {
            Assert.That(year.Start, Is.EqualTo(new DateOnly(2024, 10, 1)));
            Assert.That(year.End, Is.EqualTo(new DateOnly(2025, 9, 30)));
            Assert.That(year.Quarter(1).Start, Is.EqualTo(new DateOnly(2024, 10, 1)));
            Assert.That(year.Quarter(1).End, Is.EqualTo(new DateOnly(2024, 12, 31)));
            Assert.That(year.Quarter(2).Start, Is.EqualTo(new DateOnly(2025, 1, 1)));
            Assert.That(year.Quarter(4).Start, Is.EqualTo(new DateOnly(2025, 7, 1)));
            Assert.That(year.Quarter(4).End, Is.EqualTo(new DateOnly(2025, 9, 30)));
        });
    }

    [TestCase("2024-09-30", "2023-24 Q4")]
    [TestCase("2024-10-01", "2024-25 Q1")]
    [TestCase("2024-12-31", "2024-25 Q1")]
    [TestCase("2025-01-01", "2024-25 Q2")]
    [TestCase("2025-07-01", "2024-25 Q4")]
    [TestCase("2025-09-30", "2024-25 Q4")]
    [TestCase("2025-10-01", "2025-26 Q1")]
    public void A_boundary_day_falls_in_the_right_quarter_with_an_October_year(string day, string expected)
    {
        var quarter = Thailand().QuarterOf(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture));

        Assert.That(quarter.ToString(), Is.EqualTo(expected));
    }

    [TestCase("2024-25", 2024)]
    [TestCase(" 2024-25 ", 2024)]
    [TestCase("1999-00", 1999)]
    public void A_year_name_whose_second_part_follows_the_first_is_accepted(string text, int startYear)
    {
        var parsed = FiscalYear.TryParse(text, 7, out var year);

        Assert.Multiple(() =>
        {
            Assert.That(parsed, Is.True);
            Assert.That(year.StartYear, Is.EqualTo(startYear));
            Assert.That(year.Start, Is.EqualTo(new DateOnly(startYear, 7, 1)));
        });
    }

    [TestCase("2024-26")]
    [TestCase("2024-24")]
    [TestCase("24-25")]
    [TestCase("2024")]
    [TestCase("abcd-ef")]
    [TestCase("2024-2025")]
    [TestCase("2024-25-26")]
    [TestCase("2024/25")]
    [TestCase("-2024-25")]
    [TestCase("")]
    [TestCase("   ")]
    [TestCase(null)]
    public void A_malformed_year_name_is_rejected(string? text)
    {
        var calendar = Bangladesh();

        Assert.That(calendar.TryParseYear(text, out _), Is.False);
    }

    [Test]
    public void A_January_year_is_named_by_its_single_calendar_year()
    {
        Assert.Multiple(() =>
        {
            Assert.That(FiscalYear.TryParse("2024", 1, out var year), Is.True);
            Assert.That(year.Name, Is.EqualTo("2024"));
            Assert.That(year.End, Is.EqualTo(new DateOnly(2024, 12, 31)));
            Assert.That(FiscalYear.TryParse("2024-25", 1, out _), Is.False);
        });
    }

    [Test]
    public void Today_switches_at_midnight_in_Dhaka_which_is_18_00_UTC()
    {
        var clock = new TestClock(new DateTimeOffset(2024, 8, 14, 17, 59, 59, TimeSpan.Zero));
        var calendar = Bangladesh(clock);

        var justBefore = calendar.Today;
        clock.Set(new DateTimeOffset(2024, 8, 14, 18, 0, 0, TimeSpan.Zero));
        var atMidnight = calendar.Today;

        Assert.Multiple(() =>
        {
            Assert.That(justBefore, Is.EqualTo(new DateOnly(2024, 8, 14)));
            Assert.That(atMidnight, Is.EqualTo(new DateOnly(2024, 8, 15)));
        });
    }

    [Test]
    public void The_current_quarter_changes_when_Dhaka_reaches_1_October_although_UTC_is_still_in_September()
    {
        var clock = new TestClock(new DateTimeOffset(2024, 9, 30, 17, 59, 59, TimeSpan.Zero));
        var calendar = Bangladesh(clock);

        var before = calendar.CurrentQuarter.ToString();
        clock.Set(new DateTimeOffset(2024, 9, 30, 18, 0, 0, TimeSpan.Zero));
        var after = calendar.CurrentQuarter.ToString();

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo("2024-25 Q1"));
            Assert.That(after, Is.EqualTo("2024-25 Q2"));
        });
    }

    [Test]
    public void A_deadline_on_15_October_lasts_until_18_00_UTC_that_day()
    {
        var end = Bangladesh().EndOfDay(new DateOnly(2024, 10, 15));

        Assert.Multiple(() =>
        {
            Assert.That(end.UtcDateTime, Is.EqualTo(new DateTime(2024, 10, 15, 18, 0, 0, DateTimeKind.Utc)));
            Assert.That(end.Offset, Is.EqualTo(TimeSpan.Zero));
        });
    }

    [Test]
    public void The_calendar_reads_the_start_month_and_zone_it_was_given()
    {
        var calendar = Thailand();

        Assert.Multiple(() =>
        {
            Assert.That(calendar.StartMonth, Is.EqualTo(10));
            Assert.That(calendar.Zone.BaseUtcOffset, Is.EqualTo(TimeSpan.FromHours(6)));
            Assert.That(calendar.Today, Is.EqualTo(new DateOnly(2024, 8, 15)));
            Assert.That(calendar.CurrentQuarter.ToString(), Is.EqualTo("2023-24 Q4"));
        });
    }

    [TestCase(0)]
    [TestCase(13)]
    public void A_start_month_outside_1_to_12_is_refused(int startMonth)
    {
        Assert.That(() => new FiscalCalendar(startMonth, Dhaka, TestClock.At(2024, 8, 15)),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("FiscalYearStartMonth"));
    }
}
