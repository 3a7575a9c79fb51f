using CharterTracker.ActionPlans;
using CharterTracker.QualitySystems;

namespace CharterTracker.Web;

/// <summary>The words of the quality systems pages.</summary>
public sealed partial class WebText
{
    public string QualitySystems => T("মান ব্যবস্থা", "Quality systems");
    public string QualityApart => T("মন্ত্রিপরিষদ বিভাগের কর্মপরিকল্পনার একই নিয়মে নম্বর দেওয়া হয়, তবে আলাদাভাবে: এই নম্বর কর্মপরিকল্পনার নম্বর বদলায় না।",
        "Scored by the same rules as the Cabinet Division plan, but apart from it: these scores never change the plan's score.");
    public string AdoptSystem => T("ব্যবস্থা গ্রহণ", "Adopt a system");
    public string SystemLabel => T("ব্যবস্থা", "System");
    public string OwnSystemOption => T("দপ্তরের নিজস্ব ব্যবস্থা (নাম লিখুন)", "The office's own system (give its name)");
    public string OwnNameBn => T("নিজস্ব ব্যবস্থার নাম (বাংলা)", "Own system's name (Bengali)");
    public string OwnNameEn => T("নিজস্ব ব্যবস্থার নাম (ইংরেজি)", "Own system's name (English)");
    public string OwnNameHint => T("শুধু নিজস্ব ব্যবস্থার জন্য।", "Only for the office's own system.");
    public string AdoptedOn => T("গ্রহণের তারিখ", "Adopted on");
    public string RetiredOn => T("বন্ধের তারিখ", "Retired on");
    public string NoSystems => T("দপ্তরটি এখনও কোনো মান ব্যবস্থা গ্রহণ করেনি।", "The office has not adopted a quality system yet.");
    public string NoIndicators => T("এই ব্যবস্থার কোনো সূচক এখনও নির্ধারণ করা হয়নি।", "No indicator has been defined for this system yet.");
    public string DefineIndicator => T("সূচক নির্ধারণ", "Define an indicator");
    public string EditIndicator => T("সূচক সংশোধন", "Edit the indicator");
    public string QualityCodeLabel => T("সূচকের কোড", "Indicator code");
    public string IndicatorCodeHint => T("ইংরেজি অক্ষর, অঙ্ক, বিন্দু ও হাইফেন, যেমন ISO-1।", "Latin letters, digits, dots and hyphens, like ISO-1.");
    public string IndicatorNameBn => T("সূচক (বাংলা)", "Indicator (Bengali)");
    public string IndicatorNameEn => T("সূচক (ইংরেজি)", "Indicator (English)");
    public string DirectionLabel => T("দিক", "Direction");
    public string Target100 => T("লক্ষ্যমাত্রা (১০০%)", "Target (100 %)");
    public string Target100Hint => T("বার্ষিক লক্ষ্যমাত্রা; ত্রৈমাসিক লক্ষ্যমাত্রা না দিলে এ থেকে হিসাব হয়।", "The year's target; a quarter's follows from it unless quarter targets are given.");
    public string QuarterTargets => T("ত্রৈমাসিক লক্ষ্যমাত্রা (ঐচ্ছিক, চারটিই)", "Quarter targets (optional, all four)");
    public string EvidenceRequiredLabel => T("প্রমাণক ছাড়া মান গণনা হবে না", "A value counts only with evidence");
    public string IndicatorColumn => T("সূচক", "Indicator");
    public string TargetColumn => T("লক্ষ্যমাত্রা", "Target");
    public string ValueColumn => T("অর্জন", "Value");
    public string ScoreOfWeight => T("নম্বর / মান", "Score / weight");
    public string QuarterScoreLabel => T("ত্রৈমাসিক নম্বর", "Quarter score");
    public string NotScored => T("এই ত্রৈমাসিকে নম্বর দেওয়ার মতো সূচক নেই", "No indicator to score in this quarter");
    public string RecordValue => T("মান লিখুন", "Record");
    public string CorrectValue => T("সংশোধন", "Correct");
    public string RecordValueTitle => T("সূচকের ত্রৈমাসিক মান", "Quarter value of an indicator");
    public string ValueLabel => T("মান", "Value");
    public string ValueHint => T("বাংলা বা ইংরেজি অঙ্কে লিখুন।", "Bengali or Latin digits.");
    public string NoteLabel => T("মন্তব্য", "Note");
    public string QualityRollup => T("আওতাধীন দপ্তরের মান ব্যবস্থা", "Quality systems across the subtree");
    public string OfficesAdopting => T("গ্রহণকারী দপ্তর", "Offices adopting");
    public string OfficesScored => T("নম্বরপ্রাপ্ত", "Scored");
    public string AverageScoreLabel => T("গড় নম্বর", "Average score");
    public string NoRollup => T("এই সময়ে আওতাধীন কোনো দপ্তরে মান ব্যবস্থা চালু ছিল না।", "No office of the subtree had a quality system in force in this period.");
    public string QualityCsv => T("CSV ডাউনলোড", "Download CSV");
    public string QualityOfOffice => T("দপ্তরের মান ব্যবস্থা", "The office's quality systems");
    public string ValueHistory => T("পূর্বের সংস্করণ", "History");
    public string Withdraw => T("প্রত্যাহার", "Withdraw");

    public string SystemName(string nameBn, string nameEn) => Bengali ? nameBn : nameEn;

    public string UnitName(QualityUnit unit) => unit switch
    {
        QualityUnit.Percent => T("শতাংশ (%)", "Percent (%)"),
        QualityUnit.Days => T("দিন", "Days"),
        QualityUnit.Hours => T("ঘণ্টা", "Hours"),
        QualityUnit.Taka => T("টাকা", "Taka"),
        _ => T("সংখ্যা", "Number"),
    };



    public string DirectionName(IndicatorDirection direction) => direction == IndicatorDirection.LowerIsBetter ? T("কম হলে ভালো", "Lower is better") : T("বেশি হলে ভালো", "Higher is better");
}
