namespace CharterTracker.ActionPlans;

/// <summary>
/// The 2024-25 Citizen Charter implementation plan, from the seed minutes (docs/rules.md). The Cabinet
/// Division's weights for 2024-25 are not public; these follow the 2021-22 plan's shape (total 25). It is stored
/// like any other plan on first start and edited, cloned and exported like one.
/// </summary>
public static class BuiltInPlans
{
    /// <summary>Stores the built-in plans a database does not have yet (first start), and builds their read model.</summary>
    public static async Task EnsureStoredAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        var plans = services.GetRequiredService<ActionPlanStore>();
        var db = services.GetRequiredService<Data.DbSession>();
        foreach (var plan in new[] { CitizenCharter2024 })
        {
            if (await plans.FindAsync(plan.FiscalYear, cancellationToken) is not null) continue;
            await db.BeginAsync(cancellationToken);
            await plans.SaveAsync(plan, Access.CurrentUser.SystemUsername, cancellationToken);
            // As a command's would: the year's read model is built by the before-commit hooks (Scoring), unnamed here.
            services.GetRequiredService<Pipeline.ChangedPeriods>().Year(plan.FiscalYear);
            foreach (var hook in services.GetServices<Pipeline.IBeforeCommit>()) await hook.BeforeCommitAsync(cancellationToken);
            await db.CommitAsync(cancellationToken);
        }
    }

    public static ActionPlan CitizenCharter2024 { get; } = new()
    {
        FiscalYear = "2024-25",
        Framework = "APA",
        NameBn = "সেবা প্রদান প্রতিশ্রুতি বাস্তবায়ন কর্মপরিকল্পনা ২০২৪-২৫",
        NameEn = "Citizen Charter implementation action plan 2024-25",
        Total = 25,
        Method = ScoringMethod.Proportional,
        ApaWeight = 3,
        Areas =
        [
            new PlanArea
            {
                Code = "1", NameBn = "প্রাতিষ্ঠানিক", NameEn = "Institutional", Weight = 13,
                Indicators =
                [
                    Quarterly("1.1.1", "1.1", "ত্রৈমাসিকভিত্তিতে নিজ দপ্তরের সেবা প্রদান প্রতিশ্রুতি হালনাগাদকৃত", "Own charter updated this quarter",
                        5, new Targets { At100 = 4, At90 = 3 }, Applicability.All, ActivityFeed.CharterUpdates),
                    new PlanIndicator
                    {
                        Code = "1.2.1", ActivityCode = "1.2", TextBn = "আওতাধীন দপ্তর/সংস্থার সেবা প্রদান প্রতিশ্রুতি হালনাগাদ নিশ্চিতকৃত",
                        TextEn = "Subordinate offices' charters updated (monitoring)", Unit = IndicatorUnit.Percent, Weight = 4,
                        Frequency = IndicatorFrequency.Quarterly, Aggregation = Aggregation.Average,
                        Targets = new Targets { At100 = 100, At90 = 90, At80 = 80, At70 = 70, At60 = 60 },
                        Applicability = Applicability.WithSubordinates, FedBy = ActivityFeed.SubordinateCharterUpdates,
                    },
                    Quarterly("1.2.2", "1.2", "স্টেকহোল্ডারগণের সমন্বয়ে অবহিতকরণ সভা আয়োজিত", "Stakeholder awareness meeting held",
                        4, new Targets { At100 = 4, At90 = 3, At80 = 2 }, Applicability.WithoutSubordinates, ActivityFeed.StakeholderAwarenessMeetings, alternativeOf: "1.2.1"),
                    Quarterly("1.3.1", "1.3", "আওতাধীন দপ্তর/সংস্থার সমন্বয়ে ত্রৈমাসিক সভা আয়োজিত", "Quarterly meeting with subordinate offices held",
                        4, new Targets { At100 = 4, At90 = 3, At80 = 2 }, Applicability.WithSubordinates, ActivityFeed.SubordinateCoordinationMeetings),
                    Quarterly("1.3.2", "1.3", "ত্রৈমাসিক বাস্তবায়ন প্রতিবেদন প্রণয়ন ও প্রেরিত", "Quarterly implementation report prepared and sent",
                        4, new Targets { At100 = 4, At90 = 3, At80 = 2 }, Applicability.WithoutSubordinates, ActivityFeed.QuarterlyImplementationReports, alternativeOf: "1.3.1"),
                ],
            },
            new PlanArea
            {
                Code = "2", NameBn = "সক্ষমতা অর্জন", NameEn = "Capacity building", Weight = 12,
                Indicators =
                [
                    Annual("2.1.1", "2.1", "আওতাধীন দপ্তরের কর্মকর্তা/কর্মচারীদের সমন্বয়ে কর্মশালা/প্রশিক্ষণ/সেমিনার আয়োজিত",
                        "Workshop/training/seminar with subordinate offices' staff", 12, Applicability.WithSubordinates, ActivityFeed.Trainings),
                    Annual("2.1.2", "2.1", "নিজ দপ্তরে প্রশিক্ষণ/কর্মশালা/সেমিনার আয়োজিত", "Training/workshop/seminar in own office",
                        6, Applicability.WithoutSubordinates, ActivityFeed.Trainings, alternativeOf: "2.1.1"),
                    Annual("2.2.2", "2.2", "বাস্তবায়ন অগ্রগতি বিষয়ক বার্ষিক প্রতিবেদন প্রেরিত", "Annual progress report sent",
                        6, Applicability.WithoutSubordinates, ActivityFeed.AnnualProgressReports),
                ],
            },
        ],
    };

    private static PlanIndicator Quarterly(string code, string activity, string bn, string en, decimal weight, Targets targets,
        Applicability applicability, ActivityFeed feed, string? alternativeOf = null) => new()
    {
        Code = code, ActivityCode = activity, TextBn = bn, TextEn = en, Unit = IndicatorUnit.Count, Weight = weight,
        Frequency = IndicatorFrequency.Quarterly, Aggregation = Aggregation.Sum, Targets = targets,
        QuarterTargets = [1m, 1m, 1m, 1m], Applicability = applicability, FedBy = feed, AlternativeOf = alternativeOf,
    };

    private static PlanIndicator Annual(string code, string activity, string bn, string en, decimal weight,
        Applicability applicability, ActivityFeed feed, string? alternativeOf = null) => new()
    {
        Code = code, ActivityCode = activity, TextBn = bn, TextEn = en, Unit = IndicatorUnit.Count, Weight = weight,
        Frequency = IndicatorFrequency.Annual, Aggregation = Aggregation.Sum, Targets = new Targets { At100 = 1 },
        Applicability = applicability, FedBy = feed, AlternativeOf = alternativeOf,
    };
}
