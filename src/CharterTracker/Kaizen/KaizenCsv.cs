using System.Globalization;
using CharterTracker.Pipeline;

namespace CharterTracker.Kaizen;

/// <summary>A convention as CSV: a row per measure of each case, numbers in Latin digits for spreadsheets, names in the asked language.</summary>
public static class KaizenCsv
{
    public static string Of(KaizenConvention convention, bool bengali)
    {
        var csv = new CsvTable().Line("officeCode", "office", "caseId", "title", "status", "implementedOn", "team", "measure", "unit", "before", "after", "better",
            "improvement", "improvementPercent");
        static string? N(decimal? value) => value?.ToString("0.####", CultureInfo.InvariantCulture);
        foreach (var office in convention.Offices)
        {
            foreach (var kaizen in office.Cases)
            {
                var team = string.Join("; ", kaizen.Team.Select(m => $"{m.Name} ({m.Designation})"));
                string?[] head = [office.Code, bengali ? office.NameBn : office.NameEn, kaizen.Id.ToString(CultureInfo.InvariantCulture), kaizen.Title, kaizen.Status.ToString(),
                    kaizen.ImplementedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), team];
                if (kaizen.Measures.Count == 0) csv.Line([.. head, null, null, null, null, null, null, null]);
                foreach (var m in kaizen.Measures)
                {
                    csv.Line([.. head, m.Name, m.Unit, N(m.Before), N(m.After), m.Better.ToString(), N(m.Improvement), N(m.ImprovementPercent)]);
                }
            }
        }
        return csv.ToString();
    }
}
