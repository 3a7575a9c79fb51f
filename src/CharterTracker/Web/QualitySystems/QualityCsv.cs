using System.Globalization;
using CharterTracker.Pipeline;
using CharterTracker.QualitySystems;

namespace CharterTracker.Web;

/// <summary>The quality scorecard and roll-up as CSV: headings and names in the reader's language, numbers and dates in Latin digits (as the dashboard's CSVs).</summary>
public static class QualityCsv
{
    public static string Scorecard(WebText t, QualityScorecard card)
    {
        var csv = new CsvTable();
        csv.Line(t.SystemLabel, t.Code, t.IndicatorColumn, t.UnitLabel, t.TargetColumn, t.ValueColumn, t.Status, "raw", t.WeightLabel, t.Score, t.QuarterScoreLabel);
        foreach (var system in card.Systems)
        {
            foreach (var i in system.Indicators)
            {
                csv.Line(t.SystemName(system.NameBn, system.NameEn), i.Code, t.SystemName(i.NameBn, i.NameEn), t.UnitName(i.Unit), i.Target, i.Actual is { } a ? Dec(a) : "",
                    t.StatusText(i.Status), i.Raw.ToString("0.####", CultureInfo.InvariantCulture), Dec(i.Weight), Dec(i.Score), system.Scored ? Dec(system.Score) : "");
            }
        }
        return csv.ToString();
    }

    public static string Rollup(WebText t, QualityRollup rollup)
    {
        var csv = new CsvTable();
        csv.Line(t.SystemLabel, t.Code, t.Office, t.Score);
        foreach (var row in rollup.Offices)
        {
            csv.Line(t.SystemName(row.SystemNameBn, row.SystemNameEn), row.Code, t.SystemName(row.NameBn, row.NameEn), row.Scored ? Dec(row.Score) : "");
        }
        return csv.ToString();
    }

    private static string Dec(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
