using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.CharterUpdates;
using CharterTracker.Meetings;
using CharterTracker.Offices;
using CharterTracker.Reports;
using CharterTracker.Trainings;
using MediatR;

namespace CharterTracker.Demo;

/// <summary>
/// A realistic fiscal year of records for the demo offices, through the real commands (back-filled by the system with
/// the day each was "recorded"): most offices on time, some late, a few missing items, so that the scores and
/// dashboards have something to show. Deterministic: the same data set every time. Only what lies on or before today
/// is recorded, so the year under way stops at today. 2024-25 holds the seed minutes.
/// </summary>
public sealed class DemoYear(IMediator mediator, DbSession db, FiscalCalendar calendar)
{
    /// <summary>How an office keeps up: drives how late or incomplete its year is.</summary>
    private enum Habit
    {
        Punctual,
        Typical,
        Late,
        Struggling,
    }

    private static Habit HabitOf(string code) => code switch
    {
        "MOPA" or "BPATC" or "NAPD" or "BKKB" => Habit.Punctual,
        "DPP" or "BKKB-DIST-47" or "BKKB-DIST-52" => Habit.Struggling,
        "GEH" or "BKKB-DIV-7" or "BPATC-RPATC-RNG" => Habit.Late,
        _ => Habit.Typical,
    };

    private sealed class OfficeInfo
    {
        public long Id { get; init; }
        public string Code { get; init; } = "";
        public string NameBn { get; init; } = "";
        public OfficeKind Kind { get; init; }
        public long Children { get; init; }
    }

    /// <summary>The year of the seed minutes.</summary>
    public FiscalYear SeedYear => new(2024, calendar.StartMonth);

    public async Task LoadAsync(FiscalYear year, CancellationToken cancellationToken)
    {
        var offices = await db.QueryAsync<OfficeInfo>(
            "SELECT o.Id, o.Code, o.NameBn, o.Kind, (SELECT COUNT(*) FROM Offices c WHERE c.ParentId = o.Id AND c.Kind <> 'Branch') AS Children FROM Offices o WHERE o.Kind <> 'Branch' ORDER BY o.Id",
            null, cancellationToken);
        var today = calendar.Today;
        foreach (var office in offices)
        {
            var habit = HabitOf(office.Code);
            var random = new Random(StableHash(year.Name == SeedYear.Name ? office.Code : office.Code + year.Name));
            foreach (var quarter in year.Quarters)
            {
                var due = quarter.End.AddDays(15);
                var missing = habit == Habit.Struggling && quarter.Number >= 3 || habit == Habit.Late && quarter.Number == 4 && random.Next(2) == 0;

                // Own charter update: inside the quarter; recorded before the due date unless the office runs late.
                var updatedOn = quarter.Start.AddDays(20 + random.Next(45));
                var recordedOn = RecordedOn(habit, updatedOn, due, random);
                if (!missing && recordedOn <= today)
                {
                    await mediator.Send(new RecordCharterUpdateCommand
                    {
                        OfficeId = office.Id, FiscalYear = year.Name, Quarter = quarter.Number, UpdatedOn = updatedOn,
                        PortalReference = $"NIS-{year.StartYear}-{office.Code}-Q{quarter.Number}",
                        HasEvidence = !(habit == Habit.Struggling && quarter.Number == 2), RecordedOn = recordedOn,
                    }, cancellationToken);
                }

                // The quarterly meeting: with subordinates, or with stakeholders when there are none.
                var heldOn = quarter.Start.AddDays(40 + random.Next(40));
                var meetingRecorded = RecordedOn(habit, heldOn, due, random);
                if (!(missing && quarter.Number == 4) && meetingRecorded <= today && heldOn <= today)
                {
                    var seed = office.Code == "MOPA" && quarter.Number == 1 && year.Name == SeedYear.Name;
                    await mediator.Send(seed ? SeedMinutes(office.Id, offices, year) : new RecordMeetingCommand
                    {
                        OfficeId = office.Id,
                        Kind = office.Children > 0 ? MeetingKind.SubordinateCoordination : MeetingKind.StakeholderAwareness,
                        FiscalYear = year.Name, Quarter = quarter.Number, HeldOn = heldOn, StartTime = new TimeOnly(10 + random.Next(3), 30),
                        Title = office.Children > 0
                            ? $"সেবা প্রদান প্রতিশ্রুতি বিষয়ে আওতাধীন দপ্তরসমূহের সমন্বয়ে {Ordinal(quarter.Number)} ত্রৈমাসিক সভা"
                            : $"সেবা প্রদান প্রতিশ্রুতি বিষয়ে স্টেকহোল্ডারগণের সমন্বয়ে {Ordinal(quarter.Number)} অবহিতকরণ সভা",
                        Venue = $"{office.NameBn}, সম্মেলন কক্ষ",
                        Chair = new Person { Name = "প্রধান নির্বাহী", Designation = "দপ্তর প্রধান" },
                        Attendees =
                        [
                            new Attendee { Name = "ফোকাল পয়েন্ট কর্মকর্তা", Designation = "উপপরিচালক", Office = office.NameBn },
                            new Attendee { Name = "বিকল্প ফোকাল পয়েন্ট", Designation = "সহকারী পরিচালক", Office = office.NameBn },
                        ],
                        Agenda =
                        [
                            new AgendaItemInput { Discussion = "সেবা প্রদান প্রতিশ্রুতি হালনাগাদের অগ্রগতি পর্যালোচনা।", Decision = "হালনাগাদকৃত প্রতিশ্রুতি ওয়েবসাইটে প্রকাশ করতে হবে।" },
                        ],
                        HasEvidence = habit != Habit.Struggling,
                        RecordedOn = meetingRecorded,
                    }, cancellationToken);
                }

                // Offices without subordinates report each quarter, after it ends.
                var submittedOn = quarter.End.AddDays(3 + random.Next(10));
                var reportRecorded = RecordedOn(habit, submittedOn, due, random);
                if (office.Children == 0 && !missing && reportRecorded <= today)
                {
                    await mediator.Send(new SubmitReportCommand
                    {
                        OfficeId = office.Id, Kind = ReportKind.QuarterlyImplementation, FiscalYear = year.Name, Quarter = quarter.Number,
                        SubmittedOn = submittedOn, HasEvidence = true, RecordedOn = reportRecorded,
                    }, cancellationToken);
                }
            }

            // One workshop a year (most in Q2 or Q3); the struggling never hold theirs.
            var trainingOn = year.Quarter(2 + random.Next(2)).Start.AddDays(10 + random.Next(60));
            var trainingRecorded = trainingOn.AddDays(2);
            if (habit != Habit.Struggling && trainingRecorded <= today)
            {
                await mediator.Send(new RecordTrainingCommand
                {
                    OfficeId = office.Id, Kind = office.Children > 0 ? TrainingKind.Workshop : TrainingKind.Training, FiscalYear = year.Name,
                    HeldOn = trainingOn, Title = "সেবা প্রদান প্রতিশ্রুতি বিষয়ক কর্মশালা", Participants = 20 + random.Next(40),
                    HasEvidence = true, RecordedOn = trainingRecorded,
                }, cancellationToken);
            }
            // Offices without subordinates send the annual progress report in July.
            var annualOn = year.End.AddDays(5 + random.Next(8));
            var annualRecorded = RecordedOn(habit, annualOn, year.End.AddDays(15), random);
            if (office.Children == 0 && habit is not Habit.Struggling && annualRecorded <= today)
            {
                await mediator.Send(new SubmitReportCommand
                {
                    OfficeId = office.Id, Kind = ReportKind.AnnualProgress, FiscalYear = year.Name, SubmittedOn = annualOn, HasEvidence = true, RecordedOn = annualRecorded,
                }, cancellationToken);
            }
        }
    }

    private static DateOnly RecordedOn(Habit habit, DateOnly happened, DateOnly due, Random random)
    {
        var recorded = happened.AddDays(1 + random.Next(4));
        var late = habit switch
        {
            Habit.Late => true,
            Habit.Typical => random.Next(8) == 0,
            Habit.Struggling => random.Next(2) == 0,
            _ => false,
        };
        if (late) return due.AddDays(3 + random.Next(20));
        return recorded > due ? due : recorded;
    }

    private static string Ordinal(int quarter) => quarter switch { 1 => "১ম", 2 => "২য়", 3 => "৩য়", _ => "৪র্থ" };

    private static int StableHash(string text) => text.Aggregate(17, (hash, c) => unchecked(hash * 31 + c));

    /// <summary>The seed document: MoPA CP-3's 1st quarterly meeting of 2024-25, as its minutes record it.</summary>
    private static RecordMeetingCommand SeedMinutes(long ministry, IReadOnlyList<OfficeInfo> offices, FiscalYear year)
    {
        long Office(string code) => offices.Single(o => o.Code == code).Id;
        return new RecordMeetingCommand
        {
            OfficeId = ministry,
            Kind = MeetingKind.SubordinateCoordination,
            FiscalYear = year.Name,
            Quarter = 1,
            Title = "সিটিজেন চার্টার (সেবা প্রদান প্রতিশ্রুতি) বিষয়ে জনপ্রশাসন মন্ত্রণালয়ের আওতাধীন দপ্তর/সংস্থার সমন্বয়ে ১ম ত্রৈমাসিক সভার কার্যবিবরণী",
            IssuingUnit = "সিপি-৩ শাখা",
            HeldOn = new DateOnly(2024, 9, 19),
            StartTime = new TimeOnly(11, 0),
            Venue = "যুগ্মসচিব, সিপি অধিশাখা, মহোদয়ের অফিস কক্ষে (ভবন নং-০৭, কক্ষ নং-০৪, নীচ তলায়)",
            Chair = new Person { Name = "মোঃ পারভেজ হাসান", Designation = "যুগ্মসচিব" },
            // The seed's two opening paragraphs, the second numbered ০২ as typed.
            Opening = "সভাপতি সকলকে স্বাগত জানিয়ে সভার কার্যক্রম শুরু করেন। তিনি সভাকে অবহিত করেন যে, সেবা প্রদান প্রতিশ্রুতি বাস্তবায়ন ও নিয়মিত হালনাগাদের বিষয়ে ২০২৪-২৫ অর্থবছরে সম্পাদিত বার্ষিক কর্মসম্পাদন চুক্তিতে অন্তর্ভুক্ত কার্যক্রম সম্পর্কে সংশ্লিষ্ট সকলকে অবহিত করা এবং লক্ষ্যমাত্রা অর্জনের বিষয়ে করণীয় নির্ধারণের উদ্দেশ্যে এ সভা আহ্বান করা হয়েছে। সেবা প্রদান প্রতিশ্রুতি বিষয়ক কর্মপরিকল্পনা ২০২৩-২৪ সফলভাবে বাস্তবায়নে সংশ্লিষ্ট সকল কর্মকর্তা/কর্মচারীকে এবং সকল দপ্তর/সংস্থার প্রতিনিধিদেরকে অভিনন্দন এবং ধন্যবাদ জানান। পূর্ববর্তী অর্থবছরের ন্যায় চলতি অর্থবছরেও সিটিজেন চার্টার বাস্তবায়নের ক্ষেত্রে এ মন্ত্রণালয় এবং আওতাধীন দপ্তর/সংস্থাসমূহ কাজিফত লক্ষ্যমাত্রা অর্জন করতে সক্ষম হবে মর্মে তিনি আশাবাদ ব্যক্ত করেন। এ পর্যায়ে তিনি সদস্য-সচিবকে আলোচ্যসূচি অনুসারে সভার কার্যক্রম এগিয়ে নেওয়ার জন্য অনুরোধ করেন।\n\n০২। পরিবীক্ষণ কমিটির সদস্য সচিব ও সিনিয়র সহকারী সচিব, সিপি-৩ জানান যে, মন্ত্রিপরিষদ বিভাগ কর্তৃক প্রণীত সেবা প্রদান প্রতিশ্রুতি বাস্তবায়ন কর্মপরিকল্পনা ২০২৪-২৫ অনুযায়ী এ বছর সকল মন্ত্রণালয়/বিভাগ এবং আওতাধীন দপ্তর/সংস্থাকে নিম্নলিখিত সূচকসমূহ বাস্তবায়ন করতে হবে।",
            // The seed names its chair and member-secretary; its annex 'ক' is not in the text we have, so the agencies'
            // representatives are named people of the demo (the focal points of BKKB, BPATC and NAPD among them).
            Attendees =
            [
                new Attendee { Name = "মোঃ পারভেজ হাসান", Designation = "যুগ্মসচিব", Office = "সিপি অধিশাখা, জনপ্রশাসন মন্ত্রণালয়" },
                new Attendee { Name = "মো: আনিছুর রহমান", Designation = "সিনিয়র সহকারী সচিব", Office = "সিপি-৩ শাখা, জনপ্রশাসন মন্ত্রণালয়" },
                new Attendee { Name = "মোছাঃ নাসরিন সুলতানা", Designation = "পরিচালক", Office = "বাংলাদেশ কর্মচারী কল্যাণ বোর্ড" },
                new Attendee { Name = "ড. মোঃ রফিকুল ইসলাম", Designation = "পরিচালক", Office = "বাংলাদেশ লোক-প্রশাসন প্রশিক্ষণ কেন্দ্র" },
                new Attendee { Name = "মোঃ কামরুল হাসান", Designation = "উপপরিচালক", Office = "জাতীয় পরিকল্পনা ও উন্নয়ন একাডেমি" },
                new Attendee { Name = "শাহানা পারভীন", Designation = "উপপরিচালক", Office = "মুদ্রণ ও প্রকাশনা অধিদপ্তর", Attended = false },
            ],
            Agenda =
            [
                new AgendaItemInput
                {
                    // The seed's bulleted list of indicators, a bullet a line.
                    Discussion = "● ত্রৈমাসিকভিত্তিতে নিজ দপ্তরের সেবা প্রদান প্রতিশ্রুতি হালনাগাদকরণ।\n● ত্রৈমাসিকভিত্তিতে আওতাধীন দপ্তর/সংস্থার সেবা প্রদান প্রতিশ্রুতি হালনাগাদ নিশ্চিতকরণ; আওতাধীন দপ্তর/সংস্থা না থাকলে স্টেকহোল্ডারগণের সমন্বয়ে অবহিতকরণ সভা আয়োজন।\n● আওতাধীন দপ্তর/সংস্থার সমন্বয়ে ত্রৈমাসিকভিত্তিতে সভা আয়োজন; আওতাধীন দপ্তর/সংস্থা না থাকলে ত্রৈমাসিক বাস্তবায়ন প্রতিবেদন প্রণয়ন।\n● নিজ দপ্তর এবং আওতাধীন দপ্তর/সংস্থার কর্মকর্তা/কর্মচারীদের জন্য কর্মশালা/প্রশিক্ষণ/সেমিনার আয়োজন; আওতাধীন দপ্তর/সংস্থা না থাকলে প্রশিক্ষণ এবং বার্ষিক অগ্রগতি প্রতিবেদন প্রণয়ন।",
                    SubDecisions =
                    [
                        "মন্ত্রণালয় ও আওতাধীন দপ্তর/সংস্থাসমূহ ত্রৈমাসিকভিত্তিতে সেবা প্রদান প্রতিশ্রুতি হালনাগাদ করে সফটওয়্যারে আপলোড করবে; ফোকাল পয়েন্ট কর্মকর্তাগণ স্ব-স্ব দপ্তরের হালনাগাদ নিশ্চিত করবেন।",
                        "আওতাধীন দপ্তর নেই এমন দপ্তর/সংস্থা ত্রৈমাসিকভিত্তিতে অবহিতকরণ সভা আয়োজন করে কার্যবিবরণী মন্ত্রণালয়ে প্রেরণ করবে।",
                    ],
                    FollowUps = [new FollowUpInput { Action = "হালনাগাদকৃত সেবা প্রদান প্রতিশ্রুতি সফটওয়্যারে আপলোড", OwnerOfficeId = Office("DPP"), DueOn = new DateOnly(2024, 10, 15) }],
                },
                new AgendaItemInput
                {
                    Discussion = "আওতাধীন দপ্তর/সংস্থার সমন্বয়ে ত্রৈমাসিক সভা; আওতাধীন দপ্তর না থাকলে ত্রৈমাসিক বাস্তবায়ন প্রতিবেদন প্রণয়ন।",
                    Decision = "ত্রৈমাসিকভিত্তিতে মন্ত্রণালয় আওতাধীন দপ্তর/সংস্থাসমূহকে নিয়ে সভা আয়োজন করবে; আওতাধীন দপ্তর নেই এমন দপ্তর ত্রৈমাসিক প্রতিবেদন মন্ত্রণালয়ে প্রেরণ করবে।",
                },
                new AgendaItemInput
                {
                    Discussion = "নিজ দপ্তর এবং আওতাধীন দপ্তরের কর্মকর্তা/কর্মচারীদের জন্য কর্মশালা/প্রশিক্ষণ/সেমিনার আয়োজন; আওতাধীন দপ্তর না থাকলে বার্ষিক অগ্রগতি প্রতিবেদন প্রণয়ন।",
                    Decision = "মন্ত্রণালয় ২০২৪-২৫ অর্থবছরে ন্যূনতম একটি কর্মশালা/প্রশিক্ষণ/সেমিনার আয়োজন করবে; আওতাধীন দপ্তর নেই এমন দপ্তর বার্ষিক অগ্রগতি প্রতিবেদন প্রেরণ করবে।",
                    FollowUps = [new FollowUpInput { Action = "বার্ষিক কর্মশালার তারিখ নির্ধারণ", OwnerOfficeId = ministry, DueOn = new DateOnly(2024, 12, 31) }],
                },
                new AgendaItemInput
                {
                    Discussion = "আওতাধীন দপ্তর/সংস্থাসমূহের সেবা প্রদান প্রতিশ্রুতি বাস্তবায়ন পরিবীক্ষণ।",
                    Decision = "পরিবীক্ষণ কমিটি পূর্ববর্তী বছরের ন্যায় এ বছরও বাস্তবায়ন এবং সেবা প্রদানের গুণগত মান পরিবীক্ষণ করবে।",
                },
            ],
            MemoNumber = "০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৩৬",
            IssuedOn = new DateOnly(2024, 9, 22),
            Signatory = new Person { Name = "মো: আনিছুর রহমান", Designation = "সিনিয়র সহকারী সচিব" },
            Distribution =
            [
                "মহাপরিচালক (সচিব), বাংলাদেশ কর্মচারী কল্যাণ বোর্ড (বিকেকেবি)",
                "রেক্টর, বাংলাদেশ লোক-প্রশাসন প্রশিক্ষণ কেন্দ্র (বিপিএটিসি)",
                "রেক্টর (সচিব), বাংলাদেশ সিভিল সার্ভিস প্রশাসন একাডেমি",
                "মহাপরিচালক, জাতীয় পরিকল্পনা ও উন্নয়ন একাডেমি (এনএপিডি)",
                "মহাপরিচালক (প্রভ-১), মুদ্রণ ও প্রকাশনা অধিদপ্তর",
                "পরিবহন কমিশনার, সরকারি যানবাহন অধিদপ্তর",
                "মহাপরিচালক, বাংলাদেশ ইনস্টিটিউট অব অ্যাডমিনিস্ট্রেশন এন্ড ম্যানেজমেন্ট (বিয়াম) ফাউন্ডেশন",
                "মহাপরিচালক, মহাপরিচালক এর দপ্তর, সরকারি কর্মচারী হাসপাতাল, ফুলবাড়ীয়া, ঢাকা",
                "উপসচিব, গাড়ী সেবা শাখা, জনপ্রশাসন মন্ত্রণালয়",
                "উপসচিব, বিধি-৩ শাখা, জনপ্রশাসন মন্ত্রণালয়",
                "সিনিয়র সহকারী সচিব (অতিরিক্ত দায়িত্ব), সওবা-২ শাখা, জনপ্রশাসন মন্ত্রণালয়",
                "সিনিয়র সিস্টেম এনালিস্ট, সিনিয়র সিস্টেম এনালিস্টের দপ্তর, জনপ্রশাসন মন্ত্রণালয় (কার্যবিবরণীটি ওয়েবসাইটে প্রকাশের অনুরোধসহ)",
                "ব্যক্তিগত কর্মকর্তা, ক্যারিয়ার প্ল্যানিং ও ট্রেনিং অনুবিভাগ, জনপ্রশাসন মন্ত্রণালয় (অতিরিক্ত সচিব সিপিটি মহোদয়ের সদয় অবগতির জন্য)",
                "ব্যক্তিগত কর্মকর্তা, সিপি অধিশাখা, জনপ্রশাসন মন্ত্রণালয় (যুগ্মসচিব সিপি অধিশাখা মহোদয়ের সদয় অবগতির জন্য)",
            ],
            HasEvidence = true,
            RecordedOn = new DateOnly(2024, 9, 23),
        };
    }
}
