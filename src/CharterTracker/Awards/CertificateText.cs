using System.Globalization;
using CharterTracker.Calendar;

namespace CharterTracker.Awards;

/// <summary>
/// The words, digits and date style of an award certificate: Bengali (default; Bengali digits, the Gregorian date in
/// Bengali and the Bengali calendar date), English, or Thai (the seed's awards are Bangkok's: the Buddhist-era date,
/// Thai month names, Western digits, which Thai documents use as often as Thai ones).
/// </summary>
public sealed record CertificateText(string Language)
{
    public static CertificateText For(string? language) => new(language is "en" or "th" ? language : "bn");

    public bool Bengali => Language == "bn";
    public bool Thai => Language == "th";

    public string Digits(string text) => Bengali ? BengaliDigits.ToBengali(text) : text;

    public string Score(decimal score) => Digits(score.ToString("0.00", CultureInfo.InvariantCulture));

    private static readonly string[] ThaiMonths =
        ["มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน", "ตุลาคม", "พฤศจิกายน", "ธันวาคม"];

    /// <summary>২০ শ্রাবণ ১৪২৯ / 4 August 2022 / 4 สิงหาคม พ.ศ. 2565.</summary>
    public string Date(DateOnly date) => Language switch
    {
        "bn" => BengaliNames.FormatGregorianBengali(date),
        "th" => $"{date.Day} {ThaiMonths[date.Month - 1]} พ.ศ. {date.Year + 543}",
        _ => BengaliNames.FormatGregorianEnglish(date),
    };

    /// <summary>The Bengali calendar date printed under the Gregorian one on a Bengali certificate (as on the seed minutes).</summary>
    public string? SecondDate(DateOnly date) => Bengali ? BengaliDate.FromGregorian(date).ToBengaliString() + " বঙ্গাব্দ" : null;

    public string Place(int rank) => Language switch
    {
        "bn" => rank switch { 1 => "প্রথম স্থান", 2 => "দ্বিতীয় স্থান", 3 => "তৃতীয় স্থান", _ => $"{BengaliDigits.ToBengali(rank)}তম স্থান" },
        "th" => $"อันดับที่ {rank}",
        _ => rank switch { 1 => "First place", 2 => "Second place", 3 => "Third place", _ => $"Place {rank}" },
    };

    public string Title => Language switch { "bn" => "সনদপত্র", "th" => "เกียรติบัตร", _ => "Certificate of Award" };

    public string Certify => Language switch
    {
        "bn" => "এই মর্মে প্রত্যয়ন করা যাচ্ছে যে",
        "th" => "ขอมอบเกียรติบัตรฉบับนี้เพื่อแสดงว่า",
        _ => "This is to certify that",
    };

    public string ForService => Language switch { "bn" => "তাদের সেবা", "th" => "ผลงาน", _ => "for its service" };

    /// <summary>"… achieved {place} in the category {category} of {cycle}."</summary>
    public string Achieved(string place, string category, string cycle) => Language switch
    {
        "bn" => $"{cycle}-এ «{category}» ধরনে {place} অর্জন করেছে।",
        "th" => $"ได้รับรางวัล{place} ประเภท{category} ใน{cycle}",
        _ => $"achieved {place} in the category “{category}” of {cycle}.",
    };

    public string ScoreLine(decimal score) => Language switch
    {
        "bn" => $"মূল্যায়নে প্রাপ্ত নম্বর: {Score(score)} (১০০-এর মধ্যে)",
        "th" => $"คะแนนการประเมิน {Score(score)} จาก 100 คะแนน",
        _ => $"Score awarded by the judges: {Score(score)} out of 100",
    };

    public string GivenOn => Language switch { "bn" => "তারিখ", "th" => "ให้ไว้ ณ วันที่", _ => "Date" };

    public string Organiser => Language switch { "bn" => "আয়োজক", "th" => "หน่วยงานผู้จัด", _ => "Organised by" };

    public string Signature => Language switch { "bn" => "সভাপতি, বিচারক প্যানেল", "th" => "ประธานคณะกรรมการตัดสิน", _ => "Chair, panel of judges" };

    public string FontFamily => Language switch
    {
        "th" => "'Noto Serif Thai', 'Noto Sans Thai', 'Noto Serif', serif",
        _ => "'Noto Serif Bengali', 'Noto Sans Bengali', 'Noto Serif', serif",
    };
}
