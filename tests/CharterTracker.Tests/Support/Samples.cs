namespace CharterTracker.Tests.Support;

/// <summary>Valid request bodies, to be varied one field at a time by the test that needs a bad one.</summary>
public static class Samples
{
    public static Dictionary<string, object?> CharterUpdate(string fiscalYear = "2024-25", int quarter = 1, string updatedOn = "2024-08-10") => new()
    {
        ["fiscalYear"] = fiscalYear,
        ["quarter"] = quarter,
        ["updatedOn"] = updatedOn,
        ["portalReference"] = "NIS-2024-0815",
        ["hasEvidence"] = true,
    };

    /// <summary>The seed minutes' first quarterly meeting (MoPA CP-3, 19 Sep 2024), trimmed.</summary>
    public static Dictionary<string, object?> Meeting(long? followUpOwner = null, string heldOn = "2024-08-12", int quarter = 1) => new()
    {
        ["kind"] = "SubordinateCoordination",
        ["fiscalYear"] = "2024-25",
        ["quarter"] = quarter,
        ["title"] = "সিটিজেন চার্টার (সেবা প্রদান প্রতিশ্রুতি) বিষয়ে ১ম ত্রৈমাসিক সভা",
        ["heldOn"] = heldOn,
        ["startTime"] = "11:00",
        ["venue"] = "যুগ্মসচিব, সিপি অধিশাখা, মহোদয়ের অফিস কক্ষ (ভবন নং-০৭, কক্ষ নং-০৪)",
        ["chair"] = new { name = "মোঃ পারভেজ হাসান", designation = "যুগ্মসচিব" },
        ["attendees"] = new object[]
        {
            new { name = "মো: আনিছুর রহমান", designation = "সিনিয়র সহকারী সচিব", office = "সিপি-৩ শাখা" },
            new { name = "Rector's representative", designation = "Director", office = "BPATC" },
            new { name = "Absent invitee", designation = "Director", office = "NAPD", attended = false },
        },
        ["agenda"] = new object[]
        {
            new
            {
                discussion = "ত্রৈমাসিকভিত্তিতে নিজ দপ্তরের সেবা প্রদান প্রতিশ্রুতি হালনাগাদকরণ।",
                decision = "ফোকাল পয়েন্ট কর্মকর্তাগণ স্ব-স্ব দপ্তরের হালনাগাদের কার্যক্রম নিশ্চিত করবেন।",
                followUps = followUpOwner is null ? Array.Empty<object>() : new object[] { new { action = "Upload the updated charter to the portal", ownerOfficeId = followUpOwner, dueOn = "2024-09-30" } },
            },
            new { discussion = "পরিবীক্ষণ", decision = "পরিবীক্ষণ কমিটি নিয়মিত পরিবীক্ষণ করবে।" },
        },
        ["memoNumber"] = "০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৩৬",
        ["issuedOn"] = heldOn,
        ["signatory"] = new { name = "মো: আনিছুর রহমান", designation = "সিনিয়র সহকারী সচিব" },
        ["distribution"] = new[] { "মহাপরিচালক (সচিব), বাংলাদেশ কর্মচারী কল্যাণ বোর্ড", "রেক্টর, বিপিএটিসি" },
        ["hasEvidence"] = true,
    };

    public static Dictionary<string, object?> Training(string heldOn = "2024-08-05") => new()
    {
        ["kind"] = "Workshop",
        ["fiscalYear"] = "2024-25",
        ["heldOn"] = heldOn,
        ["title"] = "সেবা প্রদান প্রতিশ্রুতি বিষয়ক কর্মশালা",
        ["participants"] = 35,
        ["hasEvidence"] = true,
    };

    public static Dictionary<string, object?> Report(string kind = "QuarterlyImplementation", int? quarter = 1, string submittedOn = "2024-08-14") => new()
    {
        ["kind"] = kind,
        ["fiscalYear"] = "2024-25",
        ["quarter"] = quarter,
        ["submittedOn"] = submittedOn,
        ["hasEvidence"] = true,
    };

    /// <summary>The seed's kind of case: an office that cut a certificate service from 7 visits to 2, implemented in Q1 of 2024-25.</summary>
    public static Dictionary<string, object?> Kaizen(string status = "Implemented", string? implementedOn = "2024-08-05") => new()
    {
        ["fiscalYear"] = "2024-25",
        ["title"] = "প্রত্যয়নপত্র সেবা: ৭ বার যাতায়াতের বদলে ২ বার",
        ["problem"] = "প্রত্যয়নপত্র নিতে সেবাগ্রহীতাকে ৭ বার অফিসে আসতে হত।",
        ["rootCause"] = "আবেদন তিন টেবিলে ঘুরত।",
        ["change"] = "এক টেবিলে আবেদন গ্রহণ ও যাচাই; এসএমএসে প্রস্তুতির খবর।",
        ["status"] = status,
        ["implementedOn"] = status == "Implemented" ? implementedOn : null,
        ["team"] = new object[] { new { name = "মোছাঃ নাসরিন আক্তার", designation = "সহকারী পরিচালক" } },
        ["measures"] = new object[]
        {
            new { name = "Visits", unit = "visits", before = 7, after = status == "Implemented" ? 2 : (int?)null },
            new { name = "Steps", unit = "steps", before = 9, after = status == "Implemented" ? 4 : (int?)null },
            new { name = "Days", unit = "days", before = 15, after = status == "Implemented" ? 3 : (int?)null },
        },
        ["hasEvidence"] = true,
    };

    public static Dictionary<string, object?> With(this Dictionary<string, object?> body, string field, object? value)
    {
        var copy = new Dictionary<string, object?>(body) { [field] = value };
        return copy;
    }

    public static Dictionary<string, object?> Without(this Dictionary<string, object?> body, string field)
    {
        var copy = new Dictionary<string, object?>(body);
        copy.Remove(field);
        return copy;
    }
}
