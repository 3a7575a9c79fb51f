using CharterTracker.Calendar;
using CharterTracker.Charters;
using CharterTracker.Data;
using CharterTracker.Documents;
using CharterTracker.SpotChecks;
using MediatR;

namespace CharterTracker.Demo;

/// <summary>
/// The demo's spot check: the ministry's committee draws ten services of this quarter from its subtree's charters,
/// records what it found (two services fall short) and issues its monitoring report; and the ministry's latest minutes
/// are marked for its public page. Runs after the demo charters; publishes two charters of its own only when the
/// demo has none (so that there is something to draw from).
/// </summary>
public sealed class DemoSpotChecks(IMediator mediator, DbSession db, FiscalCalendar calendar)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var office = (await db.QueryAsync<(long Id, string Code)>("SELECT Id, Code FROM Offices WHERE Code IN ('MOPA', 'BKKB', 'BPATC')", null, cancellationToken))
            .ToDictionary(o => o.Code, o => o.Id);
        var today = calendar.Today;
        if (await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM CharterVersions WHERE Status = 'Published'", null, cancellationToken) == 0)
        {
            await mediator.Send(Charter(office["BKKB"], today, "কর্মচারী কল্যাণ", [
                ("সরকারি কর্মচারীদের সন্তানদের শিক্ষা সহায়তা অনুদান", "নির্ধারিত ফরমে অনলাইনে আবেদন", "আবেদন ফরম, বেতন বিবরণী, শিক্ষা প্রতিষ্ঠানের প্রত্যয়নপত্র (প্রাপ্তিস্থান: www.bkkb.gov.bd)", "বিনামূল্যে", "৬০ কার্যদিবস"),
                ("যৌথবিমার এককালীন অনুদান", "বিভাগীয় কার্যালয়ের মাধ্যমে আবেদন", "মৃত্যু সনদ, উত্তরাধিকার সনদ, সার্ভিস বুকের কপি", "বিনামূল্যে", "৩০ কার্যদিবস"),
                ("চিকিৎসা অনুদান", "অনলাইনে আবেদন; বোর্ড সভায় অনুমোদন", "চিকিৎসকের ব্যবস্থাপত্র, বিল-ভাউচার, বেতন বিবরণী", "বিনামূল্যে", "৪৫ কার্যদিবস"),
                ("দাফন/অন্ত্যেষ্টিক্রিয়া অনুদান", "জেলা কার্যালয়ে সরাসরি আবেদন", "মৃত্যু সনদ, নিয়োগকারী কর্তৃপক্ষের প্রত্যয়ন", "বিনামূল্যে", "৩ কার্যদিবস"),
            ]), cancellationToken);
            await mediator.Send(Charter(office["BPATC"], today, "প্রশিক্ষণ", [
                ("বুনিয়াদি প্রশিক্ষণ কোর্স", "মন্ত্রণালয়ের মনোনয়নে কোর্সে অন্তর্ভুক্তি", "মনোনয়নপত্র, যোগদানপত্র", "সরকারি বরাদ্দ অনুযায়ী", "কোর্স শুরুর ৭ দিন আগে নিশ্চিতকরণ"),
                ("প্রশিক্ষণ সনদের সত্যায়িত কপি", "লিখিত আবেদন", "আবেদনপত্র, কোর্সের তথ্য", "১০০ টাকা (ট্রেজারি চালান)", "৫ কার্যদিবস"),
                ("গ্রন্থাগার সেবা", "সদস্য কার্ড দিয়ে সরাসরি", "সদস্য কার্ড", "বিনামূল্যে", "তাৎক্ষণিক"),
            ]), cancellationToken);
        }

        var quarter = calendar.CurrentQuarter;
        var check = await mediator.Send(new DrawSpotCheckCommand { OfficeId = office["MOPA"], FiscalYear = quarter.Year.Name, Quarter = quarter.Number, SampleSize = 10 }, cancellationToken);
        foreach (var item in check.Items)
        {
            // Every fourth service found short of its charter: late, or asked for a document the charter does not list.
            var late = item.Position % 4 == 1;
            var papers = item.Position % 4 == 3;
            await mediator.Send(new RecordSpotCheckFindingCommand
            {
                Id = check.Id, ItemId = item.ItemId, CheckedOn = today, WithinTimeLimit = !late, FeeAsPublished = true, DocumentsAsPublished = !papers,
                Note = late ? "নির্ধারিত সময়ের চেয়ে ৯ কার্যদিবস বেশি লেগেছে।" : papers ? "চার্টারে নেই এমন প্রত্যয়নপত্র চাওয়া হয়েছে।" : null, HasEvidence = late || papers,
            }, cancellationToken);
        }
        await mediator.Send(new IssueSpotCheckReportCommand
        {
            Id = check.Id, MemoNumber = "05.00.0000.197.16.001.24.210", IssuedOn = today, SignatoryName = "মোঃ পারভেজ হাসান", SignatoryDesignation = "যুগ্মসচিব ও আহ্বায়ক, পরিবীক্ষণ কমিটি",
            Notes = "সময়সীমা অতিক্রান্ত সেবার বিষয়ে সংশ্লিষ্ট দপ্তরকে কারণ জানাতে এবং চার্টারবহির্ভূত কাগজপত্র না চাইতে নির্দেশনা দেওয়া হয়েছে।",
        }, cancellationToken);

        // The ministry's latest meeting: its minutes on the ministry's public page.
        var meeting = await db.QuerySingleOrDefaultAsync<long?>(
            "SELECT MAX(Id) FROM Meetings WHERE OfficeId = @MOPA AND WithdrawnAtUtc IS NULL", new { MOPA = office["MOPA"] }, cancellationToken);
        if (meeting is { } id) await mediator.Send(new SetMinutesPublicationCommand { MeetingId = id, Published = true }, cancellationToken);
    }

    private static PublishCharterVersionCommand Charter(long officeId, DateOnly today, string what,
        (string Name, string Method, string Documents, string Fee, string TimeLimit)[] services) => new()
    {
        OfficeId = officeId,
        PublishedOn = today,
        VisionBn = $"দক্ষ ও জনবান্ধব {what} সেবা",
        MissionBn = $"স্বচ্ছতা ও জবাবদিহির মাধ্যমে দ্রুত {what} সেবা প্রদান",
        Services = services.Select(s => new CharterService
        {
            Category = ServiceCategory.Citizen, NameBn = s.Name, Method = s.Method, Documents = s.Documents, Fee = s.Fee, TimeLimit = s.TimeLimit,
            Officer = new Charters.CharterOfficer { Name = "মোঃ রফিকুল ইসলাম", Designation = "উপপরিচালক", Phone = "02-9513512", Email = "info@example.gov.bd" },
        }).ToList(),
        Grievance =
        [
            new GrievanceLevel { Level = 1, Officer = new Charters.CharterOfficer { Name = "মোঃ রফিকুল ইসলাম", Designation = "উপপরিচালক" } },
            new GrievanceLevel { Level = 2, Officer = new Charters.CharterOfficer { Name = "নাসরিন সুলতানা", Designation = "পরিচালক (অনিক)" }, Days = 30 },
            new GrievanceLevel { Level = 3, Officer = new Charters.CharterOfficer { Name = "মোঃ কামরুল হাসান", Designation = "মহাপরিচালক (আপিল কর্মকর্তা)" }, Days = 20 },
        ],
        Expectations = [new CharterExpectation { TextBn = "নির্ধারিত ফরমে সম্পূর্ণ আবেদন জমা দিন" }, new CharterExpectation { TextBn = "সাক্ষাতের জন্য নির্ধারিত সময়ের আগেই উপস্থিত থাকুন" }],
    };
}
