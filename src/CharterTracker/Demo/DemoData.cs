using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Offices;
using MediatR;

namespace CharterTracker.Demo;

/// <summary>
/// The demo data set: the Ministry of Public Administration of the seed minutes, its CP wing and branches, the
/// eight offices/agencies of the minutes' distribution list, field offices under a few of them, and a user for
/// every role, and records of 2024-25 (the seed minutes' year) and of the year before today's and today's. Loaded
/// through the real commands (so it is always valid and audited as "system"), and only into
/// an empty database.
/// </summary>
public sealed class DemoData(
    IMediator mediator, DbSession db, DemoYear year, FiscalCalendar calendar, DemoAwards awards, DemoKaizen kaizen, DemoCharters charters)
{
    /// <summary>Every demo user signs in with this password (documented in the README; demo only).</summary>
    public const string Password = "Demo@2024-25";

    /// <summary>Demo offices existed long before the fiscal years the demo shows.</summary>
    private static readonly DateOnly Since = new(2015, 7, 1);

    /// <summary>
    /// A user has one display name, shown in both languages: people's names in Bengali as they write them (the
    /// focal points of BKKB, BPATC and NAPD are the representatives in the seed meeting's annex).
    /// </summary>
    public static readonly (string Username, string DisplayName, Role Role, string OfficeCode)[] Users =
    [
        ("committee", "পরিবীক্ষণ কমিটি, জনপ্রশাসন মন্ত্রণালয়", Role.MonitoringCommittee, "MOPA"),
        ("mopa.fp", "মো: আনিছুর রহমান", Role.FocalPoint, "MOPA"),
        ("bkkb.fp", "মোছাঃ নাসরিন সুলতানা", Role.FocalPoint, "BKKB"),
        ("bpatc.fp", "ড. মোঃ রফিকুল ইসলাম", Role.FocalPoint, "BPATC"),
        ("napd.fp", "মোঃ কামরুল হাসান", Role.FocalPoint, "NAPD"),
        ("viewer", "ফারহানা ইয়াসমিন", Role.Viewer, "MOPA"),
    ];

    public async Task<bool> LoadIfEmptyAsync(CancellationToken cancellationToken)
    {
        if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM Offices", null, cancellationToken) > 0) return false;

        var mopa = await Office("MOPA", "জনপ্রশাসন মন্ত্রণালয়", "Ministry of Public Administration", OfficeKind.Ministry, null);
        var cpWing = await Office("MOPA-CP", "সিপি অধিশাখা", "CP Wing", OfficeKind.Branch, mopa);
        await Office("MOPA-CP3", "সিপি-৩ শাখা", "CP-3 Branch", OfficeKind.Branch, cpWing);
        await Office("MOPA-CPT", "ক্যারিয়ার প্ল্যানিং ও ট্রেনিং অনুবিভাগ", "Career Planning and Training Wing", OfficeKind.Branch, mopa);
        await Office("MOPA-CAR", "গাড়ী সেবা শাখা", "Car Service Branch", OfficeKind.Branch, mopa);
        await Office("MOPA-RULES3", "বিধি-৩ শাখা", "Rules-3 Branch", OfficeKind.Branch, mopa);
        await Office("MOPA-SOBA2", "সওবা-২ শাখা", "SOBA-2 Branch", OfficeKind.Branch, mopa);

        var bkkb = await Office("BKKB", "বাংলাদেশ কর্মচারী কল্যাণ বোর্ড", "Bangladesh Employees Welfare Board", OfficeKind.Agency, mopa);
        var bpatc = await Office("BPATC", "বাংলাদেশ লোক-প্রশাসন প্রশিক্ষণ কেন্দ্র", "Bangladesh Public Administration Training Centre", OfficeKind.Agency, mopa);
        await Office("BCSAA", "বাংলাদেশ সিভিল সার্ভিস প্রশাসন একাডেমি", "Bangladesh Civil Service Administration Academy", OfficeKind.Agency, mopa);
        await Office("NAPD", "জাতীয় পরিকল্পনা ও উন্নয়ন একাডেমি", "National Academy for Planning and Development", OfficeKind.Agency, mopa);
        await Office("DPP", "মুদ্রণ ও প্রকাশনা অধিদপ্তর", "Department of Printing and Publications", OfficeKind.Department, mopa);
        await Office("DGT", "সরকারি যানবাহন অধিদপ্তর", "Department of Government Transport", OfficeKind.Department, mopa);
        await Office("BIAM", "বাংলাদেশ ইনস্টিটিউট অব অ্যাডমিনিস্ট্রেশন এন্ড ম্যানেজমেন্ট (বিয়াম) ফাউন্ডেশন", "BIAM Foundation", OfficeKind.Agency, mopa);
        await Office("GEH", "সরকারি কর্মচারী হাসপাতাল, ফুলবাড়ীয়া, ঢাকা", "Government Employees Hospital, Fulbaria, Dhaka", OfficeKind.Agency, mopa);

        // The welfare board has a divisional office in every division, and district offices in Dhaka division.
        foreach (var division in BangladeshAdmin.Divisions)
        {
            var divisional = await Office($"BKKB-DIV-{division.Id}", $"বাংলাদেশ কর্মচারী কল্যাণ বোর্ড, বিভাগীয় কার্যালয়, {division.NameBn}",
                $"BKKB Divisional Office, {division.NameEn}", OfficeKind.DivisionalOffice, bkkb);
            if (division.NameEn != "Dhaka") continue;
            foreach (var district in BangladeshAdmin.Districts.Where(d => d.ParentId == division.Id))
            {
                await Office($"BKKB-DIST-{district.Id}", $"বাংলাদেশ কর্মচারী কল্যাণ বোর্ড, জেলা কার্যালয়, {district.NameBn}",
                    $"BKKB District Office, {district.NameEn}", OfficeKind.DistrictOffice, divisional);
            }
        }
        // BPATC's four regional centres.
        foreach (var (code, bn, en) in new[]
                 {
                     ("BPATC-RPATC-CTG", "আঞ্চলিক লোক-প্রশাসন প্রশিক্ষণ কেন্দ্র, চট্টগ্রাম", "Regional Public Administration Training Centre, Chattogram"),
                     ("BPATC-RPATC-KHL", "আঞ্চলিক লোক-প্রশাসন প্রশিক্ষণ কেন্দ্র, খুলনা", "Regional Public Administration Training Centre, Khulna"),
                     ("BPATC-RPATC-RAJ", "আঞ্চলিক লোক-প্রশাসন প্রশিক্ষণ কেন্দ্র, রাজশাহী", "Regional Public Administration Training Centre, Rajshahi"),
                     ("BPATC-RPATC-RNG", "আঞ্চলিক লোক-প্রশাসন প্রশিক্ষণ কেন্দ্র, রংপুর", "Regional Public Administration Training Centre, Rangpur"),
                 })
        {
            await Office(code, bn, en, OfficeKind.DivisionalOffice, bpatc);
        }

        var offices = (await db.QueryAsync<(long Id, string Code)>("SELECT Id, Code FROM Offices", null, cancellationToken))
            .ToDictionary(o => o.Code, o => o.Id);
        foreach (var (username, displayName, role, officeCode) in Users)
        {
            var user = await mediator.Send(new RegisterUserCommand
            {
                Username = username,
                Password = Password,
                DisplayName = displayName,
                Role = role,
                OfficeId = offices[officeCode],
                Language = username.StartsWith("mopa", StringComparison.Ordinal) || role == Role.MonitoringCommittee ? "bn" : "en",
            }, cancellationToken);
            if (role == Role.FocalPoint)
            {
                await mediator.Send(new AssignFocalPointCommand { OfficeId = offices[officeCode], UserId = user.Id, ValidFrom = new DateOnly(2024, 7, 1) }, cancellationToken);
            }
        }
        await year.LoadAsync(year.SeedYear, cancellationToken);
        var kaizenPlanned = await kaizen.PlanAsync(year.SeedYear, cancellationToken);
        // The year before today's and today's too, planned like the seed year: the dashboard then opens on a quarter
        // under way, with its offices at risk judged on the quarters before.
        var current = calendar.YearOf(calendar.Today);
        for (var next = calendar.YearOf(year.SeedYear.End.AddDays(1)); next.Start <= current.Start; next = calendar.YearOf(next.End.AddDays(1)))
        {
            if (next.Start < current.Start.AddYears(-1)) continue;
            if (next.Name != kaizenPlanned) await mediator.Send(new CloneActionPlanCommand { FiscalYear = year.SeedYear.Name, ToFiscalYear = next.Name }, cancellationToken);
            await year.LoadAsync(next, cancellationToken);
        }
        await awards.LoadAsync(cancellationToken);
        await kaizen.LoadAsync(cancellationToken);
        await charters.LoadAsync(cancellationToken);
        await new DemoSpotChecks(mediator, db, calendar).LoadAsync(cancellationToken);
        await new DemoQualitySystems(mediator, calendar).LoadAsync(offices, cancellationToken);
        return true;

        async Task<Office> Office(string code, string nameBn, string nameEn, OfficeKind kind, Office? parent) =>
            await mediator.Send(new RegisterOfficeCommand
            {
                Code = code, NameBn = nameBn, NameEn = nameEn, Kind = kind, ParentId = parent?.Id, ActiveFrom = Since,
            }, cancellationToken);
    }
}
