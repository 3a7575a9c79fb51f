using System.Globalization;
using CharterTracker.Calendar;

namespace CharterTracker.Documents;

/// <summary>The words and number formats of a document in one language: Bengali (the default) or English.</summary>
public sealed record DocumentText(string Language)
{
    public bool Bengali => Language == "bn";

    public static DocumentText For(string? language) => new(language is "en" ? "en" : "bn");

    public string Digits(string text) => Bengali ? BengaliDigits.ToBengali(text) : text;

    public string Number(int value) => Digits(value.ToString(CultureInfo.InvariantCulture));

    public string Decimal(decimal value) => Digits(value.ToString("0.00", CultureInfo.InvariantCulture));

    /// <summary>19/09/2024 — as the minutes' particulars table prints it.</summary>
    public string ShortDate(DateOnly date) => Digits(date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture));

    /// <summary>২২ সেপ্টেম্বর ২০২৪ / 22 September 2024.</summary>
    public string LongDate(DateOnly date) => Bengali ? BengaliNames.FormatGregorianBengali(date) : BengaliNames.FormatGregorianEnglish(date);

    /// <summary>৭ আশ্বিন ১৪৩১ / 7 Ashwin 1431 (the revised Bengali calendar).</summary>
    public string BengaliCalendarDate(DateOnly date)
    {
        var bengali = BengaliDate.FromGregorian(date);
        return Bengali ? bengali.ToBengaliString() : bengali.ToEnglishString();
    }

    /// <summary>"সকাল ১১.০০ ঘটিকা" / "11:00 a.m."</summary>
    public string TimeOfDay(TimeOnly time)
    {
        var hour12 = time.Hour % 12 == 0 ? 12 : time.Hour % 12;
        if (!Bengali)
        {
            return $"{hour12}:{time.Minute:00} {(time.Hour < 12 ? "a.m." : "p.m.")}";
        }
        var part = time.Hour switch
        {
            >= 4 and < 12 => "সকাল",
            >= 12 and < 15 => "দুপুর",
            >= 15 and < 18 => "বিকাল",
            >= 18 and < 20 => "সন্ধ্যা",
            _ => "রাত",
        };
        return $"{part} {Digits($"{hour12}.{time.Minute:00}")} ঘটিকা";
    }

    /// <summary>"৪ ডিসেম্বর ২০২৬ তারিখ পর্যন্ত" / "As of 4 December 2026".</summary>
    public string AsOf(DateOnly date) => Bengali ? $"{LongDate(date)} তারিখ পর্যন্ত" : $"As of {LongDate(date)}";

    /// <summary>"ক)" / "a)": the label of a decision's sub-item.</summary>
    public string SubItemLetter(int index) => Meetings.MinutesLetters.Letter(index, Bengali) + ")";

    public string Government => Bengali ? "গণপ্রজাতন্ত্রী বাংলাদেশ সরকার" : "Government of the People's Republic of Bangladesh";
    public string Chair => Bengali ? "সভাপতি" : "Chair";
    public string MeetingDate => Bengali ? "সভার তারিখ" : "Date";
    public string MeetingTime => Bengali ? "সভার সময়" : "Time";
    public string Venue => Bengali ? "স্থান" : "Venue";
    public string Attendance => Bengali ? "উপস্থিতি" : "Attendance";
    public string AnnexKa => Bengali ? "পরিশিষ্ট 'ক'" : "Annex 'Ka'";
    public string Serial => Bengali ? "ক্রঃ নং" : "No.";
    public string Discussion => Bengali ? "আলোচনা" : "Discussion";
    public string Decision => Bengali ? "সিদ্ধান্ত" : "Decision";
    public string Closing => Bengali
        ? "সভায় আর কোন আলোচ্য বিষয় না থাকায় সভাপতি উপস্থিত সকলকে ধন্যবাদ জানিয়ে সভার সমাপ্তি ঘোষণা করেন।"
        : "With no other business, the chair thanked everyone present and closed the meeting.";
    public string MemoNumber => Bengali ? "স্মারক নম্বর" : "Memo number";
    public string Date => Bengali ? "তারিখ" : "Date";
    public string Distribution => Bengali ? "বিতরণ (জ্যেষ্ঠতার ক্রমানুসারে নয়)" : "Distribution (not in order of seniority)";
    public string Name => Bengali ? "নাম" : "Name";
    public string Designation => Bengali ? "পদবি" : "Designation";
    public string Office => Bengali ? "দপ্তর/সংস্থা" : "Office";
    public string AttendanceAnnexTitle => Bengali ? "সভায় উপস্থিত কর্মকর্তাগণের তালিকা" : "Officers present at the meeting";
    public string Page => Bengali ? "পৃষ্ঠা" : "Page";
    public string CounterStyle => Bengali ? "bengali" : "decimal";
    public string Withdrawn => Bengali ? "প্রত্যাহৃত" : "WITHDRAWN";
}
