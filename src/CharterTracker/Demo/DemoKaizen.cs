using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Kaizen;
using MediatR;

namespace CharterTracker.Demo;

/// <summary>
/// The demo's Kaizen cases ("one year, one project"): the welfare board's district offices in Dhaka division hold a
/// convention — one cut its service certificate from 7 visits to 2, others put applications online or are still at
/// it, one gave up — and BPATC, which runs the IPS-TQM project, with a regional centre. Today's fiscal year gets the
/// Kaizen indicator in its plan (the seed year's plan, 2024-25, stays as issued), so an office without an implemented
/// case shows it on its checklist. Through the real commands, back-filled by the system; only what lies on or before today.
/// </summary>
public sealed class DemoKaizen(IMediator mediator, DbSession db, FiscalCalendar calendar)
{
    /// <summary>
    /// Imports today's fiscal year's plan — the seed year's plus the Kaizen area — before the demo clones the seed plan
    /// to the later years. Returns that year, which the caller does not clone; null when today's year is the seed year.
    /// </summary>
    public async Task<string?> PlanAsync(FiscalYear seedYear, CancellationToken cancellationToken)
    {
        var today = calendar.YearOf(calendar.Today);
        if (today.Name == seedYear.Name) return null;
        var seed = await mediator.Send(new GetActionPlanQuery(seedYear.Name), cancellationToken);
        var plan = KaizenIndicator.AddTo(seed) with
        {
            FiscalYear = today.Name,
            NameBn = seed.NameBn.Replace(BengaliDigits.ToBengali(seedYear.Name), BengaliDigits.ToBengali(today.Name), StringComparison.Ordinal) + " (কাইজেনসহ)",
            NameEn = seed.NameEn.Replace(seedYear.Name, today.Name, StringComparison.Ordinal) + " (with Kaizen)",
        };
        await mediator.Send(new ImportActionPlanCommand { FiscalYear = today.Name, Plan = plan }, cancellationToken);
        return today.Name;
    }

    private sealed record Story(string Office, int Day, KaizenStatus Status, string Title, string Problem, string RootCause, string Change,
        (string Name, string Designation)[] Team, (string Name, string Unit, decimal Before, decimal? After)[] Measures, string? AbandonedReason = null);

    private static readonly (string Name, string Designation)[] DistrictTeam =
        [("মোছাঃ নাসরিন আক্তার", "সহকারী পরিচালক"), ("মোঃ জাহিদুল ইসলাম", "উচ্চমান সহকারী"), ("সুমন চন্দ্র দাস", "অফিস সহায়ক")];

    /// <summary>The cases of a year; <c>Office</c> is a code, or "DIST-n" for the n-th district office of Dhaka division.</summary>
    private static Story[] Stories(bool current) =>
    [
        new("DIST-1", 75, KaizenStatus.Implemented, "চাকরি প্রত্যয়নপত্র সেবা: ৭ বার যাতায়াতের বদলে ২ বার",
            "কল্যাণ অনুদানের জন্য প্রত্যয়নপত্র নিতে সেবাগ্রহীতাকে গড়ে ৭ বার অফিসে আসতে হত; ৯টি ধাপ, ১৫ দিন।",
            "আবেদন তিন টেবিলে ঘুরত; কাগজ অসম্পূর্ণ হলে তা জানানো হত পরের বারে।",
            "এক টেবিলে আবেদন গ্রহণ ও কাগজ যাচাইয়ের তালিকা; মোবাইলে এসএমএস দিয়ে প্রস্তুতির খবর; অনুমোদনের ক্ষমতা উপ-পরিচালকের কাছে অর্পণ।",
            DistrictTeam, [("অফিসে যাতায়াত", "বার", 7, 2), ("ধাপ", "টি", 9, 4), ("সময়", "দিন", 15, 3)]),
        new("DIST-2", 110, KaizenStatus.Implemented, current ? "কল্যাণ অনুদানের আবেদন অনলাইনে" : "যৌথ বিমার দাবি নিষ্পত্তিতে চেকলিস্ট",
            "আবেদনপত্র ও সংযুক্তি জমা দিতে জেলা সদরে আসতে হত; ডাক খরচ ও যাতায়াতে খরচ হত।",
            "আবেদন কেবল কাগজে গ্রহণ করা হত।",
            "জাতীয় তথ্য বাতায়নের ফরম ও ই-মেইলে সংযুক্তি গ্রহণ; প্রাপ্তিস্বীকার এসএমএসে।",
            [("মোঃ রফিকুল ইসলাম", "উপ-পরিচালক"), ("তাহমিনা খাতুন", "প্রোগ্রামার")],
            [("নিষ্পত্তির সময়", "দিন", 30, 10), ("সেবাগ্রহীতার খরচ", "টাকা", 600, 150)]),
        new("DIST-3", 120, KaizenStatus.InProgress, "শিক্ষাবৃত্তির আবেদন গ্রহণে এক-স্টপ ডেস্ক",
            "শিক্ষাবৃত্তির আবেদনের সময় অফিসে ভিড়; কোন কাগজ লাগবে তা জানতে একাধিকবার আসতে হয়।",
            "তথ্য কেবল নোটিশ বোর্ডে; আবেদন গ্রহণের নির্দিষ্ট ডেস্ক নেই।",
            "প্রবেশপথে এক-স্টপ ডেস্ক ও কাগজের তালিকার লিফলেট।",
            [("আবুল কাশেম", "সহকারী পরিচালক"), ("শাহনাজ পারভীন", "অফিস সহকারী")],
            [("ধাপ", "টি", 7, null), ("অফিসে যাতায়াত", "বার", 4, null)]),
        new("DIST-4", 60, KaizenStatus.Implemented, "Finding a file in 5 minutes instead of 25",
            "A beneficiary's file took 25 minutes to find while the citizen waited at the counter.",
            "Files were shelved by year of receipt with no index.",
            "A colour-coded shelf index by union and a register of files kept at the counter.",
            [("Md. Shafiur Rahman", "Assistant Director"), ("Fatema Zohra", "Record keeper")],
            [("Time to find a file", "minutes", 25, 5), ("Citizens served on the day", "% of visitors", 60, 95)]),
        new("DIST-5", 45, KaizenStatus.Abandoned, "এসএমএসে আবেদনের অবস্থা জানানো",
            "আবেদনের অবস্থা জানতে সেবাগ্রহীতারা ফোন করেন বা অফিসে আসেন।",
            "অবস্থা জানানোর কোনো ব্যবস্থা নেই।",
            "আবেদন নম্বর দিয়ে এসএমএসে অবস্থা জানানোর সেবা।",
            [("মোঃ আমিনুল ইসলাম", "সহকারী প্রোগ্রামার")],
            [("ফোনকল", "দৈনিক", 40, null)], "মোবাইল অপারেটরের সঙ্গে চুক্তির অনুমোদন এ বছরে পাওয়া যায়নি; বোর্ডের কেন্দ্রীয় এসএমএস সেবার অপেক্ষা।"),
        new("BKKB-DIV-", 150, KaizenStatus.Planned, "বিভাগীয় কার্যালয়ে অভিযোগ বাক্স খোলার সাপ্তাহিক রুটিন",
            "অভিযোগ বাক্স মাসে একবার খোলা হয়।", "নির্দিষ্ট দায়িত্ব ও সময় নির্ধারিত নেই।", "প্রতি বৃহস্পতিবার অভিযোগ বাক্স খোলা ও রেজিস্টারে লিপিবদ্ধ করা।",
            [("নাজমুল হক", "উপ-পরিচালক")], [("অভিযোগ নিষ্পত্তির সময়", "দিন", 30, null)]),
        new("BPATC", 90, KaizenStatus.Implemented, "প্রশিক্ষণার্থী নিবন্ধন অনলাইনে",
            "কোর্সে যোগদানের দিন নিবন্ধনের লাইনে প্রশিক্ষণার্থীদের দুই ঘণ্টা দাঁড়াতে হত।",
            "নিবন্ধন কেবল যোগদানের দিনে কাগজে হত; কক্ষ বরাদ্দ হত তারপর।",
            "যোগদানের আগে অনলাইন নিবন্ধন ও কক্ষ বরাদ্দ; যোগদানের দিনে কেবল পরিচয়পত্র গ্রহণ।",
            [("ড. মোঃ হাসান তারিক", "পরিচালক (গবেষণা)"), ("মেরিনা আক্তার", "সহকারী পরিচালক")],
            [("নিবন্ধনে সময়", "মিনিট", 120, 15), ("ধাপ", "টি", 6, 2)]),
        new("BPATC-RPATC-RAJ", 130, KaizenStatus.Implemented, "প্রশিক্ষণ সনদ বিতরণ কোর্স সমাপনীর দিনেই",
            "সনদ নিতে প্রশিক্ষণার্থীদের কোর্স শেষে আবার আসতে বা ডাকে অপেক্ষা করতে হত।",
            "সনদ ছাপা ও স্বাক্ষর হত কোর্স শেষের পরে।",
            "শেষ সপ্তাহে ফল চূড়ান্ত করে সমাপনীর দিনে সনদ বিতরণ।",
            [("বনিক গৌর সুন্দর", "পরিচালক"), ("জাহিদুল ইসলাম", "উপ-পরিচালক")],
            [("সনদ পেতে সময়", "দিন", 21, 0), ("যাতায়াত", "বার", 2, 0)]),
    ];

    /// <summary>Records the cases of today's fiscal year and the year before; a case whose day has not come yet is still in progress.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var offices = (await db.QueryAsync<(long Id, string Code)>("SELECT Id, Code FROM Offices WHERE Code LIKE 'BKKB-%' OR Code LIKE 'BPATC%' ORDER BY Id", null, cancellationToken)).ToList();
        var districts = offices.Where(o => o.Code.StartsWith("BKKB-DIST-", StringComparison.Ordinal)).ToList();
        var today = calendar.YearOf(calendar.Today);
        foreach (var year in new[] { calendar.YearOf(today.Start.AddDays(-1)), today })
        {
            var current = year.Name == today.Name;
            foreach (var story in Stories(current).Where(s => current || s.Status == KaizenStatus.Implemented))
            {
                long? officeId = story.Office switch
                {
                    var d when d.StartsWith("DIST-", StringComparison.Ordinal) => districts.ElementAtOrDefault(int.Parse(d[5..], System.Globalization.CultureInfo.InvariantCulture) - 1).Id,
                    "BKKB-DIV-" => await db.ExecuteScalarAsync<long?>(
                        "SELECT ParentId FROM Offices WHERE Code = @Code", new { districts.FirstOrDefault().Code }, cancellationToken),
                    var code => offices.FirstOrDefault(o => o.Code == code).Id,
                };
                if (officeId is not > 0) continue;
                var day = year.Start.AddDays(story.Day);
                if (day > calendar.Today) continue;
                var status = story.Status;
                var implemented = status == KaizenStatus.Implemented && day.AddDays(20) <= calendar.Today;
                if (status == KaizenStatus.Implemented && !implemented) status = KaizenStatus.InProgress;
                await mediator.Send(new RecordKaizenCaseCommand
                {
                    OfficeId = officeId.Value,
                    FiscalYear = year.Name,
                    Title = story.Title,
                    Problem = story.Problem,
                    RootCause = story.RootCause,
                    Change = story.Change,
                    Status = status,
                    ImplementedOn = status == KaizenStatus.Implemented ? day.AddDays(20) : null,
                    AbandonedReason = status == KaizenStatus.Abandoned ? story.AbandonedReason : null,
                    Team = story.Team.Select(m => (KaizenTeamMemberFields?)new KaizenTeamMemberFields { Name = m.Name, Designation = m.Designation }).ToList(),
                    Measures = story.Measures.Select(m => (KaizenMeasureFields?)new KaizenMeasureFields
                    {
                        Name = m.Name, Unit = m.Unit, Before = Text(m.Before),
                        After = status == KaizenStatus.Implemented ? Text(m.After) : null,
                        Better = m.Unit.StartsWith('%') ? BetterWhen.Higher : BetterWhen.Lower,
                    }).ToList(),
                    HasEvidence = status == KaizenStatus.Implemented,
                    RecordedOn = status == KaizenStatus.Implemented ? day.AddDays(25) is var recorded && recorded <= calendar.Today ? recorded : calendar.Today : day,
                }, cancellationToken);
            }
        }
    }

    private static string? Text(decimal? value) => value?.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
