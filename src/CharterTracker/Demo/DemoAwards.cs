using CharterTracker.Access;
using CharterTracker.Awards;
using CharterTracker.Calendar;
using CharterTracker.Data;
using MediatR;

namespace CharterTracker.Demo;

/// <summary>
/// One service-quality award cycle of the ministry (after the seed's Bangkok awards: a per-process and a
/// service-innovation category), three criteria, three judges from sibling offices, five nominations scored with a
/// tie for second place, and judging closed yesterday, so that the results and the certificates exist. The windows are
/// walked through with the real commands: open, nominations closed, scored, judging closed.
/// </summary>
public sealed class DemoAwards(IMediator mediator, DbSession db, FiscalCalendar calendar, CurrentUser user)
{
    public static readonly (string Username, string DisplayName, string OfficeCode)[] Judges =
    [
        ("judge.bcsaa", "Judge, BCS Administration Academy", "BCSAA"),
        ("judge.dgt", "Judge, Department of Government Transport", "DGT"),
        ("judge.biam", "Judge, BIAM Foundation", "BIAM"),
    ];

    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var offices = (await db.QueryAsync<(long Id, string Code)>("SELECT Id, Code FROM Offices", null, cancellationToken)).ToDictionary(o => o.Code, o => o.Id);
        var district = await db.QuerySingleOrDefaultAsync<string>("SELECT MIN(Code) FROM Offices WHERE Code LIKE 'BKKB-DIST-%'", null, cancellationToken) ?? "BKKB";
        var today = calendar.Today;
        var cycle = await mediator.Send(new CreateAwardCycleCommand
        {
            Name = $"সেবার মান পুরস্কার {BengaliDigits.ToBengali(calendar.YearOf(today).Name)}",
            FiscalYear = calendar.YearOf(today).Name,
            OfficeId = offices["MOPA"],
            Categories =
            [
                new("PROCESS", "প্রক্রিয়াভিত্তিক পুরস্কার", "Per-process award", "รางวัลรายกระบวนงาน"),
                new("INNOVATION", "সেবা উদ্ভাবন পুরস্কার", "Service innovation award", "รางวัลนวัตกรรมการให้บริการ"),
            ],
            Criteria =
            [
                new("Q", "সেবার মান ও নাগরিক সন্তুষ্টি", "Quality and citizen satisfaction", 40),
                new("S", "সময়, ধাপ ও যাতায়াত হ্রাস", "Time, steps and visits saved", 35),
                new("R", "টেকসই ও অন্য দপ্তরে প্রয়োগযোগ্য", "Sustainable and replicable", 25),
            ],
            NominationsCloseOn = today,
            JudgingClosesOn = today.AddDays(1),
        }, cancellationToken);

        var judges = new List<(long Id, string Username, long OfficeId)>();
        foreach (var (username, displayName, officeCode) in Judges)
        {
            var judge = await mediator.Send(new RegisterUserCommand
            {
                Username = username, Password = DemoData.Password, DisplayName = displayName, Role = Role.Viewer, OfficeId = offices[officeCode], Language = "bn",
            }, cancellationToken);
            await mediator.Send(new AssignJudgeCommand { CycleId = cycle.Id, UserId = judge.Id }, cancellationToken);
            judges.Add((judge.Id, username, offices[officeCode]));
        }

        var nominations = new List<long>();
        foreach (var (office, category, title, summary) in new[]
                 {
                     ("BKKB", "PROCESS", "কল্যাণ অনুদান আবেদন এক দিনে নিষ্পত্তি", "আবেদন থেকে অনুদান পর্যন্ত ৭টি ধাপ কমে ৩টি; সেবাগ্রহীতাকে ৪ বারের বদলে একবার আসতে হয়।"),
                     ("BPATC", "PROCESS", "প্রশিক্ষণ সনদ অনলাইনে যাচাই", "সনদ যাচাইয়ের চিঠি ও ১০ দিনের অপেক্ষার বদলে কিউআর কোডে তাৎক্ষণিক যাচাই।"),
                     ("NAPD", "PROCESS", "প্রশিক্ষণার্থী নিবন্ধন এক জানালায়", "তিন শাখায় তিনটি ফরমের বদলে একটি ফরম ও একটি ডেস্ক।"),
                     (district, "PROCESS", "চিকিৎসা অনুদানের ফাইল জেলায় নিষ্পত্তি", "ঢাকায় ফাইল পাঠানোর বদলে জেলা কার্যালয়ে যাচাই; সময় ৪৫ দিন থেকে ১৫ দিন।"),
                     ("BPATC-RPATC-KHL", "INNOVATION", "প্রশিক্ষণের সময়সূচি এসএমএসে", "৫ ধাপের নোটিশ প্রক্রিয়া ৩ ধাপে; প্রশিক্ষণার্থীর অনুপস্থিতি অর্ধেক।"),
                 })
        {
            nominations.Add((await mediator.Send(new NominateServiceCommand
            {
                CycleId = cycle.Id, OfficeId = offices[office], CategoryCode = category, Title = title, Summary = summary, HasEvidence = true,
            }, cancellationToken)).Id);
        }

        // Nominations close; the judges score. BPATC and NAPD tie for second place (80.00) by different sheets.
        await mediator.Send(new ChangeAwardWindowsCommand { Id = cycle.Id, NominationsCloseOn = today.AddDays(-1), JudgingClosesOn = today.AddDays(1) }, cancellationToken);
        decimal[][][] sheets =
        [
            // nomination × judge × (Q, S, R)
            [[9, 9.5m, 8], [9, 9, 9], [8.5m, 9, 9]],
            [[8, 8, 8], [8, 8, 8], [8, 8, 8]],
            [[9, 8, 6.6m], [7, 8, 9.4m], [8, 8, 8]],
            [[7, 6, 7], [7.5m, 7, 6], [6, 6.5m, 7]],
            [[9, 8, 7], [7.5m, 7, 6.5m], [8, 9, 8]],
        ];
        for (var j = 0; j < judges.Count; j++)
        {
            user.SignIn(judges[j].Id, judges[j].Username, Role.Viewer, judges[j].OfficeId);
            try
            {
                for (var n = 0; n < nominations.Count; n++)
                {
                    var s = sheets[n][j];
                    await mediator.Send(new ScoreNominationCommand
                    {
                        NominationId = nominations[n],
                        Scores = [new("Q", s[0]), new("S", s[1]), new("R", s[2])],
                    }, cancellationToken);
                }
            }
            finally
            {
                user.ActAsSystem();
            }
        }
        await mediator.Send(new ChangeAwardWindowsCommand { Id = cycle.Id, NominationsCloseOn = today.AddDays(-2), JudgingClosesOn = today.AddDays(-1) }, cancellationToken);
    }
}
