using System.Globalization;
using CharterTracker.Pipeline;

namespace CharterTracker.Web;

/// <summary>
/// Every row of a dashboard table as CSV, headed in the reader's language. Numbers, dates (YYYY-MM-DD) and codes are
/// written with Latin digits whatever the language, so that a spreadsheet reads them as numbers and dates; names and
/// words follow the language.
/// </summary>
public static class DashboardCsv
{
    public static string Of(WebText t, DashboardListModel list)
    {
        var csv = new CsvTable();
        switch (list.Table)
        {
            case DashboardTable.Trend:
                csv.Line(t.Quarter, t.Offices, t.Expected, t.Done, t.LateWord, t.MissedWord, t.PendingWord, t.AverageScore);
                foreach (var q in list.Trend!)
                {
                    csv.Line(Int(q.Quarter ?? 0), Int(q.Offices), Int(q.Expected), Int(q.Done), Int(q.Late), Int(q.Missed), Int(q.Pending), Dec(q.AverageScore));
                }
                break;
            case DashboardTable.HeatMap:
                var map = list.HeatMap!;
                csv.Line(new[] { t.Code, t.Office, t.QuarterScore }.Concat(map.Columns.Select(c => c.Code)));
                foreach (var row in map.Rows.Items)
                {
                    csv.Line(new[] { row.Code, Name(t, row.NameBn, row.NameEn), row.Expected ? (row.Score is { } score ? Dec(score) : t.NotYetDue) : "" }
                        .Concat(row.Cells.Select(c => row.Expected ? t.StatusText(c.Status) : t.NotExpected)));
                }
                break;
            case DashboardTable.Risk:
                csv.Line(t.Code, t.Office, t.Parent, t.Risk, t.Points, t.MissedQuartersHeading, t.LateQuartersHeading, t.DueOn, t.RecordedHeading, t.Expected);
                foreach (var office in list.Risk!.Offices.Items)
                {
                    csv.Line(office.Code, Name(t, office.NameBn, office.NameEn), Name(t, office.ParentNameBn, office.ParentNameEn), t.RiskLevelText(office.Level),
                        Int(office.Points), Int(office.Facts.MissedQuarters), Int(office.Facts.LateQuarters), Date(office.DueOn), Int(office.Facts.Recorded), Int(office.Facts.Expected));
                }
                break;
            case DashboardTable.Lapses:
                csv.Line(t.Code, t.Office, t.Indicator, t.Quarter, t.DueOn, t.Lapsed, t.RecordedOn, t.DaysLateHeading, t.FocalPointsHeading);
                foreach (var lapse in list.Lapses!.Items)
                {
                    csv.Line(lapse.Code, Name(t, lapse.NameBn, lapse.NameEn), lapse.IndicatorCode, lapse.Quarter is { } q ? Int(q) : t.Annual, Date(lapse.DueOn),
                        t.StatusText(lapse.Status), lapse.RecordedOn is { } r ? Date(r) : "", Int(lapse.DaysLate),
                        string.Join("; ", lapse.FocalPoints.Select(f => f.Email is null ? f.DisplayName : $"{f.DisplayName} <{f.Email}>")));
                }
                break;
            case DashboardTable.Ranking:
                csv.Line(t.Rank, t.Code, t.Office, t.Parent, t.Score, t.Done, t.LateWord, t.MissedWord, t.PendingWord, t.Expected, t.MarksHeading, t.WeightsHeading, t.WhatMadeIt);
                foreach (var office in list.Ranking!.Items)
                {
                    var counted = office.Items.Where(i => i.Counted).ToList();
                    csv.Line(office.Score is null ? "" : Int(office.Rank), office.Code, Name(t, office.NameBn, office.NameEn), Name(t, office.ParentNameBn, office.ParentNameEn),
                        office.Score is { } score ? Dec(score) : t.NothingRecordedYet, Int(office.Done), Int(office.Late), Int(office.Missed), Int(office.Pending), Int(office.Expected),
                        counted.Count == 0 ? "" : Dec(counted.Sum(i => i.Marks)), counted.Count == 0 ? "" : Dec(counted.Sum(i => i.Weight)),
                        string.Join("; ", office.Items.Select(i => $"{i.Code} {t.StatusText(i.Status)} {Dec(i.Marks)}/{Dec(i.Weight)}{(i.Counted ? "" : " " + t.NotCounted)}")));
                }
                break;
            case DashboardTable.FollowUps:
                csv.Line(t.ActionToTake, t.Owner, t.DueOn, t.Status, t.DecidedAtHeading, t.HeldOn, t.Meeting);
                foreach (var f in list.FollowUps!.Items)
                {
                    csv.Line(f.Action, Name(t, f.OwnerNameBn, f.OwnerNameEn), Date(f.DueOn), t.FollowUpStatusText(f.Status),
                        Name(t, f.MeetingOfficeNameBn, f.MeetingOfficeNameEn), Date(f.MeetingHeldOn), Int(f.MeetingId));
                }
                break;
            default:
                csv.Line(t.Meeting, t.Office, t.HeldOn, t.MemoNumberHeading, t.OpenFollowUpsCount, "id");
                foreach (var m in list.Meetings!.Items)
                {
                    csv.Line(m.Title ?? t.MeetingKindText(m.Kind), Name(t, m.OfficeNameBn, m.OfficeNameEn), Date(m.HeldOn), m.MemoNumber, Int(m.OpenFollowUps), Int(m.Id));
                }
                break;
        }
        return csv.ToString();
    }

    private static string Name(WebText t, string? bn, string? en) => (t.Bengali ? bn : en) ?? "";

    private static string Int(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Dec(decimal value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
