namespace CharterTracker.Web;

/// <summary>The dashboard's words.</summary>
public sealed partial class WebText
{
    public string Headline => T("সারসংক্ষেপ", "Headline figures");
    public string Offices => T("দপ্তর", "Offices");
    public string Completeness => T("সম্পন্নের হার", "Completeness");
    public string OnTimeRate => T("যথাসময়ে সম্পন্নের হার", "On-time rate");
    public string AverageScore => T("গড় নম্বর", "Average score");
    public string MissedItems => T("বাদ পড়া কাজ", "Missed items");
    public string CompletenessHelp => T("(সম্পন্ন + বিলম্বে) ÷ প্রত্যাশিত", "(done + late) ÷ expected");
    public string OnTimeHelp => T("সম্পন্ন ÷ (সম্পন্ন + বিলম্বে)", "done ÷ (done + late)");
    public string QuarterScore => T("ত্রৈমাসিক নম্বর", "Quarter score");
    public string HeatMap => T("দপ্তর × সূচক: অবস্থা", "Offices × indicators: status");
    public string NoChildren => T("এই দপ্তরের অধীনে কোনো দপ্তর নেই।", "This office has no subordinate offices.");
    public string DownloadCsv => T("CSV ডাউনলোড", "Download CSV");
}
