using CharterTracker.Scoring;

namespace CharterTracker.Documents;

/// <summary>
/// The one word list for the terms every output shares — web pages, CSV headings and PDFs alike: an item's status, the
/// lists named after statuses, the frameworks a plan follows. Pages (<c>WebText</c>) and documents
/// (<see cref="DocumentText"/>) both read them here, so a status is spelled one way everywhere (a convention test
/// holds the sources to it).
/// </summary>
public static class Glossary
{
    /// <summary>Done / Late / Missed / Pending / Not applicable, as a reader sees it.</summary>
    public static string Status(ItemStatus status, bool bengali) => status switch
    {
        ItemStatus.Done => bengali ? "সম্পন্ন" : "Done",
        ItemStatus.Late => bengali ? "বিলম্বে সম্পন্ন" : "Late",
        ItemStatus.Missed => bengali ? "অসম্পন্ন" : "Missed",
        ItemStatus.Pending => bengali ? "অপেক্ষমাণ" : "Pending",
        _ => bengali ? "প্রযোজ্য নয়" : "Not applicable",
    };

    /// <summary>The heading of the list of missed and late items (dashboard, its CSV, the annual report).</summary>
    public static string MissedAndLateItems(bool bengali) => bengali ? "অসম্পন্ন ও বিলম্বে সম্পন্ন কাজ" : "Missed and late items";

    public static string NoMissedOrLate(bool bengali) => bengali ? "কোনো কাজ অসম্পন্ন বা বিলম্বে সম্পন্ন হয়নি।" : "No item was missed or late.";

    public static string MissedItems(bool bengali) => bengali ? "অসম্পন্ন কাজ" : "Missed items";

    /// <summary>A plan's framework by its code: "APA" is the Annual Performance Agreement (বার্ষিক কর্মসম্পাদন চুক্তি).</summary>
    public static string Framework(string code, bool bengali) => code switch
    {
        "APA" => bengali ? "বার্ষিক কর্মসম্পাদন চুক্তি (এপিএ)" : "Annual Performance Agreement (APA)",
        _ => code,
    };
}
