using System.Globalization;
using CharterTracker.Documents;

namespace CharterTracker.Kaizen;

/// <summary>
/// What a Kaizen document prints, already in its language: one case on a page of its own (the case PDF), or a
/// convention's booklet — a cover with the totals, then every case, each on a new page.
/// </summary>
public sealed record KaizenDocument
{
    public required DocumentText Text { get; init; }
    public KaizenDocumentWords Words => new(Text);

    /// <summary>The ministry or division the document's office belongs to, for the header.</summary>
    public required string Ministry { get; init; }
    public required string FiscalYear { get; init; }
    public required IReadOnlyList<KaizenDocumentCase> Cases { get; init; }

    /// <summary>The booklet's cover; null for a single case.</summary>
    public KaizenBookletCover? Cover { get; init; }

    /// <summary>What identifies the data the document came from: each case and its version.</summary>
    public string SourceVersion => string.Join(",", Cases.Select(c => $"Kaizen#{c.Case.Id}v{c.Case.Version}"));
}

public sealed record KaizenDocumentCase(KaizenCase Case, string OfficeName);

public sealed record KaizenBookletCover(string OfficeName, int Offices, int Cases, int Implemented, int OfficesWithImplemented);

/// <summary>The words and numbers of a Kaizen document in Bengali (the default) or English.</summary>
public sealed record KaizenDocumentWords(DocumentText Text)
{
    private bool Bn => Text.Bengali;

    public string CaseTitle => Bn ? "কাইজেন: ক্ষুদ্র উন্নয়ন" : "Kaizen improvement case";
    public string BookletTitle => Bn ? "কাইজেন সম্মেলন" : "Kaizen convention";
    public string OneYearOneProject => Bn ? "এক বছর, এক প্রকল্প" : "One year, one project";
    public string Office => Bn ? "দপ্তর" : "Office";
    public string FiscalYearLabel => Bn ? "অর্থবছর" : "Fiscal year";
    public string StatusLabel => Bn ? "অবস্থা" : "Status";
    public string ImplementedOn => Bn ? "বাস্তবায়নের তারিখ" : "Implemented on";
    public string AbandonedBecause => Bn ? "বাতিলের কারণ" : "Abandoned because";
    public string Team => Bn ? "কাইজেন দল" : "Kaizen team";
    public string Problem => Bn ? "সমস্যা" : "Problem";
    public string RootCause => Bn ? "মূল কারণ" : "Root cause";
    public string Change => Bn ? "পরিবর্তন (কাইজেন)" : "The change (Kaizen)";
    public string Measures => Bn ? "আগে ও পরে" : "Before and after";
    public string Measure => Bn ? "পরিমাপ" : "Measure";
    public string Before => Bn ? "আগে" : "Before";
    public string After => Bn ? "পরে" : "After";
    public string Improvement => Bn ? "উন্নতি" : "Improvement";
    public string NoMeasures => Bn ? "এখনো কোনো পরিমাপ দেওয়া হয়নি।" : "No measures given yet.";
    public string Evidence => Bn ? "প্রমাণক" : "Evidence";
    public string EvidenceHeld => Bn ? "আছে" : "held";
    public string EvidenceNone => Bn ? "নেই" : "none";
    public string Withdrawn => Bn ? "প্রত্যাহৃত" : "WITHDRAWN";
    public string RecordedVersion(int version, DateOnly recordedOn) => Bn
        ? $"লিপিবদ্ধ {Text.ShortDate(recordedOn)}, সংস্করণ {Text.Number(version)}"
        : $"Recorded {Text.ShortDate(recordedOn)}, version {Text.Number(version)}";
    public string CoverOffices => Bn ? "অংশগ্রহণকারী দপ্তর" : "Offices presenting";
    public string CoverCases => Bn ? "মোট কাইজেন" : "Cases";
    public string CoverImplemented => Bn ? "বাস্তবায়িত" : "Implemented";
    public string CoverOfficesWithImplemented => Bn ? "অন্তত একটি বাস্তবায়িত কাইজেনসহ দপ্তর" : "Offices with at least one implemented case";
    public string Contents => Bn ? "সূচিপত্র" : "Contents";
    public string NoCases => Bn ? "এই অর্থবছরে কোনো কাইজেন লিপিবদ্ধ হয়নি।" : "No Kaizen cases were recorded for this fiscal year.";

    public string Status(KaizenStatus status) => Bn ? KaizenTransitions.Bengali(status) : status switch
    {
        KaizenStatus.InProgress => "In progress",
        _ => status.ToString(),
    };

    /// <summary>A value as printed: no trailing zeros (7, 2.5), in the document's digits.</summary>
    public string Value(decimal? value) => value is { } v ? Text.Digits(v.ToString("0.####", CultureInfo.InvariantCulture)) : "—";

    /// <summary>"5 fewer (71.4 %)", "12 more (15 %)", or "none" when it did not move the better way.</summary>
    public string ImprovementOf(KaizenMeasure measure)
    {
        if (measure.Improvement is not { } gained) return "—";
        var percent = measure.ImprovementPercent is { } p ? $" ({Text.Digits(p.ToString("0.#", CultureInfo.InvariantCulture))} %)" : "";
        if (gained <= 0) return (Bn ? "উন্নতি নেই" : "no improvement") + (gained < 0 ? $" ({Value(-gained)} {(measure.Better == BetterWhen.Lower ? (Bn ? "বেশি" : "more") : (Bn ? "কম" : "fewer"))})" : "");
        var way = measure.Better == BetterWhen.Lower ? (Bn ? "কম" : "fewer") : (Bn ? "বেশি" : "more");
        return $"{Value(gained)} {way}{percent}";
    }
}
