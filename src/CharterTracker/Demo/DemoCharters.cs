using CharterTracker.Calendar;
using CharterTracker.Charters;
using CharterTracker.Data;
using MediatR;

namespace CharterTracker.Demo;

/// <summary>
/// Real-looking charters for three demo offices — the welfare board (an agency), its Dhaka district office and BPATC —
/// each published twice through the real commands: version 1 in the previous quarter, version 2 in this one with the
/// changes a quarterly update brings (a fee lowered, a time limit cut from 15 to 7 days, a new officer, a service
/// added, one dropped). Version 2 of the welfare board goes through a draft, as a focal point would.
/// </summary>
public sealed class DemoCharters(IMediator mediator, DbSession db, FiscalCalendar calendar)
{
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        var current = calendar.CurrentQuarter;
        var previous = calendar.QuarterOf(current.Start.AddDays(-1));
        var first = previous.Start.AddDays(14);
        var second = current.Start.AddDays(7) <= calendar.Today ? current.Start.AddDays(7) : calendar.Today;

        var board = await OfficeAsync("BKKB", cancellationToken);
        var district = await db.QuerySingleOrDefaultAsync<long?>(SqlText.Build(dialect => $"SELECT Id FROM Offices WHERE Code LIKE 'BKKB-DIST-%' ORDER BY Code {DialectSql.First(dialect)}"),
            new { Take = 1 }, cancellationToken);
        var bpatc = await OfficeAsync("BPATC", cancellationToken);

        if (board is { } b)
        {
            await PublishAsync(b, Board(version: 1), first, cancellationToken);
            var draft = await mediator.Send(new SaveCharterDraftCommand(b, null, Board(version: 2)), cancellationToken);
            await mediator.Send(new PublishCharterDraftCommand { OfficeId = b, PublishedOn = second, Revision = draft.Revision }, cancellationToken);
        }
        if (district is { } d)
        {
            await PublishAsync(d, District(version: 1), first.AddDays(3), cancellationToken);
            await PublishAsync(d, District(version: 2), second, cancellationToken);
        }
        if (bpatc is { } p)
        {
            await PublishAsync(p, Bpatc(version: 1), first.AddDays(5), cancellationToken);
            await PublishAsync(p, Bpatc(version: 2), second, cancellationToken);
        }
    }

    private Task<long?> OfficeAsync(string code, CancellationToken cancellationToken) =>
        db.QuerySingleOrDefaultAsync<long?>("SELECT Id FROM Offices WHERE Code = @code", new { code }, cancellationToken);

    private Task<CharterVersion> PublishAsync(long officeId, CharterContent content, DateOnly publishedOn, CancellationToken cancellationToken) =>
        mediator.Send(new PublishCharterVersionCommand
        {
            OfficeId = officeId, PublishedOn = publishedOn, VisionBn = content.VisionBn, VisionEn = content.VisionEn, MissionBn = content.MissionBn,
            MissionEn = content.MissionEn, Services = content.Services, Grievance = content.Grievance, Expectations = content.Expectations,
        }, cancellationToken);

    private static CharterOfficer Officer(string name, string nameEn, string designation, string designationEn, string phone, string email) =>
        new() { Name = name, NameEn = nameEn, Designation = designation, DesignationEn = designationEn, Phone = phone, Email = email };

    private static CharterService Service(ServiceCategory category, string nameBn, string nameEn, string method, string documents, string fee, string feeEn,
        string timeLimit, string timeLimitEn, CharterOfficer officer) =>
        new()
        {
            Category = category, NameBn = nameBn, NameEn = nameEn, Method = method, Documents = documents, Fee = fee, FeeEn = feeEn,
            TimeLimit = timeLimit, TimeLimitEn = timeLimitEn, Officer = officer,
        };

    private static IReadOnlyList<GrievanceLevel> Grievance(CharterOfficer first, CharterOfficer appeal) =>
    [
        new() { Level = 1, Officer = first, Days = 30 },
        new() { Level = 2, Officer = appeal, Days = 20 },
        new()
        {
            Level = 3, Days = 60,
            Officer = Officer("অভিযোগ ব্যবস্থাপনা সেল", "GRS Cell", "মন্ত্রিপরিষদ বিভাগ", "Cabinet Division", "০২-৯৫১৪৬৬৮", "grs@cabinet.gov.bd"),
        },
    ];

    private static readonly CharterExpectation[] CommonExpectations =
    [
        new() { TextBn = "নির্ধারিত ফরমে সম্পূর্ণভাবে পূরণকৃত আবেদন জমা প্রদান", TextEn = "Submit the application complete, on the prescribed form" },
        new() { TextBn = "যথাযথ প্রক্রিয়ায় প্রয়োজনীয় সেবামূল্য পরিশোধ করা", TextEn = "Pay the fee through the stated channel" },
        new() { TextBn = "সাক্ষাতের জন্য নির্ধারিত সময়ের পূর্বেই উপস্থিত থাকা", TextEn = "Arrive before the appointed time" },
    ];

    /// <summary>The welfare board: v2 lowers the group insurance processing fee, cuts the burial grant from 15 to 7 days, names a new officer, adds online tracking.</summary>
    private static CharterContent Board(int version)
    {
        var director = Officer("মোঃ মাহবুবুর রহমান", "Md. Mahbubur Rahman", "পরিচালক (কল্যাণ)", "Director (Welfare)", "০২-৯৫৫৬৬৭৭", "director.welfare@bkkb.gov.bd");
        var deputy = version == 1
            ? Officer("মোসাঃ শামীমা আক্তার", "Mst. Shamima Akter", "উপপরিচালক (যৌথবীমা)", "Deputy Director (Group Insurance)", "০২-৯৫৫৬৬৮০", "dd.insurance@bkkb.gov.bd")
            : Officer("মোঃ তানভীর হাসান", "Md. Tanvir Hasan", "উপপরিচালক (যৌথবীমা)", "Deputy Director (Group Insurance)", "০২-৯৫৫৬৬৮০", "dd.insurance@bkkb.gov.bd");
        var services = new List<CharterService>
        {
            Service(ServiceCategory.Citizen, "যৌথবীমার এককালীন অনুদান", "Group insurance lump-sum grant",
                "কর্মরত অবস্থায় মৃত্যুবরণকারী কর্মচারীর পরিবারের আবেদনের ভিত্তিতে অনলাইনে (bkkb.gov.bd) মঞ্জুরি",
                "নির্ধারিত আবেদন ফরম, মৃত্যু সনদ, উত্তরাধিকার সনদ; ফরম ওয়েবসাইট ও জেলা কার্যালয়ে পাওয়া যায়",
                version == 1 ? "প্রসেসিং ফি ২০০ টাকা (ট্রেজারি চালান)" : "প্রসেসিং ফি ১০০ টাকা (ই-চালান)", version == 1 ? "Tk 200 processing fee (treasury challan)" : "Tk 100 processing fee (e-challan)",
                "৩০ কার্যদিবস", "30 working days", deputy),
            Service(ServiceCategory.Citizen, "দাফন/অন্ত্যেষ্টিক্রিয়ার অনুদান", "Burial/funeral grant",
                "জেলা কার্যালয়ে আবেদন; বিকাশ/ব্যাংক হিসাবে অর্থ প্রেরণ",
                "আবেদনপত্র, মৃত্যু সনদ, জাতীয় পরিচয়পত্রের কপি", "বিনামূল্যে", "Free",
                version == 1 ? "১৫ কার্যদিবস" : "৭ কার্যদিবস", version == 1 ? "15 working days" : "7 working days", director),
            Service(ServiceCategory.Citizen, "চিকিৎসা অনুদান", "Medical grant",
                "অনলাইনে আবেদন, বোর্ড সভায় অনুমোদন", "আবেদন ফরম, চিকিৎসা ব্যয়ের রসিদ, চিকিৎসকের প্রত্যয়ন", "বিনামূল্যে", "Free",
                "৬০ দিন", "60 days", director),
            Service(ServiceCategory.Internal, "কর্মচারীদের ছুটি মঞ্জুরি", "Leave of the board's own staff",
                "ই-নথিতে আবেদন", "ছুটির আবেদন", "বিনামূল্যে", "Free", "৩ কার্যদিবস", "3 working days",
                Officer("মোঃ আবুল কালাম", "Md. Abul Kalam", "প্রশাসনিক কর্মকর্তা", "Administrative Officer", "০২-৯৫৫৬৬৯০", "admin@bkkb.gov.bd")),
        };
        if (version == 2)
        {
            services.Insert(3, Service(ServiceCategory.Citizen, "অনুদান আবেদনের অবস্থা অনলাইনে জানা", "Tracking a grant application online",
                "ওয়েবসাইটে আবেদন নম্বর দিয়ে অথবা ১৬১২২ নম্বরে ফোন করে", "আবেদন নম্বর", "বিনামূল্যে", "Free", "তাৎক্ষণিক", "Immediately",
                Officer("মোঃ রাশেদুল ইসলাম", "Md. Rashedul Islam", "প্রোগ্রামার", "Programmer", "০২-৯৫৫৬৬৯৫", "it@bkkb.gov.bd")));
        }
        return new CharterContent
        {
            VisionBn = "সরকারি কর্মচারী ও তাঁদের পরিবারের কল্যাণ নিশ্চিতকরণ", VisionEn = "The welfare of government employees and their families",
            MissionBn = "স্বচ্ছ, দ্রুত ও ডিজিটাল পদ্ধতিতে কল্যাণমূলক অনুদান ও সেবা প্রদান",
            MissionEn = "Welfare grants and services delivered transparently, quickly and digitally",
            Services = services,
            Grievance = Grievance(director, Officer("মোঃ সাইফুল ইসলাম", "Md. Saiful Islam", "মহাপরিচালক", "Director General", "০২-৯৫৫৬৬৬০", "dg@bkkb.gov.bd")),
            Expectations = CommonExpectations,
        };
    }

    /// <summary>A district office: v2 drops the paper stipend form service and lowers the certificate fee.</summary>
    private static CharterContent District(int version)
    {
        var officer = Officer("মোঃ জাহিদুল ইসলাম", "Md. Zahidul Islam", "সহকারী পরিচালক", "Assistant Director", "০১৭১৫-২২৩৩৪৪", "ad.dhaka@bkkb.gov.bd");
        var services = new List<CharterService>
        {
            Service(ServiceCategory.Citizen, "কর্মচারীর সন্তানদের শিক্ষা বৃত্তি", "Education stipend for employees' children",
                "অনলাইনে আবেদন; জেলা কমিটির সুপারিশে মঞ্জুরি", "আবেদন ফরম, পরীক্ষার মার্কশিট, অফিস প্রধানের প্রত্যয়ন", "বিনামূল্যে", "Free",
                "৪৫ দিন", "45 days", officer),
            Service(ServiceCategory.Citizen, "কল্যাণ সনদের সত্যায়িত কপি", "Certified copy of a welfare certificate",
                "জেলা কার্যালয়ে সরাসরি আবেদন", "আবেদনপত্র", version == 1 ? "৫০ টাকা" : "২০ টাকা", version == 1 ? "Tk 50" : "Tk 20",
                "৩ কার্যদিবস", "3 working days", officer),
        };
        if (version == 1)
        {
            services.Add(Service(ServiceCategory.Citizen, "শিক্ষা বৃত্তির ফরম বিতরণ", "Handing out stipend forms",
                "অফিস চলাকালীন সময়ে সরাসরি", "প্রযোজ্য নয়", "বিনামূল্যে", "Free", "তাৎক্ষণিক", "Immediately", officer));
        }
        return new CharterContent
        {
            VisionBn = "জেলার সরকারি কর্মচারীদের দোরগোড়ায় কল্যাণ সেবা", VisionEn = "Welfare services at the doorstep of the district's employees",
            MissionBn = "বোর্ডের সকল কল্যাণমূলক সেবা জেলা পর্যায়ে সহজে পৌঁছে দেওয়া",
            Services = services,
            Grievance = Grievance(officer, Officer("মোসাঃ ফারহানা ইয়াসমিন", "Mst. Farhana Yasmin", "পরিচালক (বিভাগীয় কার্যালয়)", "Director (Divisional Office)", "০২-৭১২৩৪৫৬", "dir.dhaka@bkkb.gov.bd")),
            Expectations = CommonExpectations[..2],
        };
    }

    /// <summary>BPATC: v2 adds the online course registration, names a new course director and cuts the certificate time.</summary>
    private static CharterContent Bpatc(int version)
    {
        var courses = version == 1
            ? Officer("ড. নাসরীন সুলতানা", "Dr. Nasreen Sultana", "পরিচালক (প্রশিক্ষণ)", "Director (Training)", "০২-৭৭৪৫০১০", "training@bpatc.gov.bd")
            : Officer("মোঃ মোস্তাফিজুর রহমান", "Md. Mostafizur Rahman", "পরিচালক (প্রশিক্ষণ)", "Director (Training)", "০২-৭৭৪৫০১০", "training@bpatc.gov.bd");
        var registrar = Officer("মোঃ কামরুল হাসান", "Md. Kamrul Hasan", "উপপরিচালক (রেজিস্ট্রার)", "Deputy Director (Registrar)", "০২-৭৭৪৫০২০", "registrar@bpatc.gov.bd");
        var services = new List<CharterService>
        {
            Service(ServiceCategory.Institutional, "বুনিয়াদি প্রশিক্ষণ কোর্স", "Foundation training course",
                "মন্ত্রণালয়ের মনোনয়নের ভিত্তিতে আবাসিক কোর্স", "মনোনয়নপত্র, স্বাস্থ্য সনদ", "সরকার কর্তৃক বহনকৃত", "Borne by the government",
                "৬ মাস", "6 months", courses),
            Service(ServiceCategory.Institutional, "কোর্স সমাপনী সনদ প্রদান", "Course completion certificate",
                "কোর্স শেষে রেজিস্ট্রার শাখা থেকে", "প্রশিক্ষণার্থীর আইডি কার্ড", "বিনামূল্যে", "Free",
                version == 1 ? "১৫ কার্যদিবস" : "৭ কার্যদিবস", version == 1 ? "15 working days" : "7 working days", registrar),
        };
        if (version == 2)
        {
            services.Add(Service(ServiceCategory.Institutional, "স্বল্পমেয়াদি কোর্সে অনলাইন নিবন্ধন", "Online registration for short courses",
                "ওয়েবসাইটে (bpatc.gov.bd) নিবন্ধন", "অফিস প্রধানের অনুমতিপত্র", "কোর্স ফি কোর্সভেদে (ই-পেমেন্ট)", "Course fee by course (e-payment)",
                "৫ কার্যদিবস", "5 working days", registrar));
        }
        return new CharterContent
        {
            VisionBn = "দক্ষ, দেশপ্রেমিক ও জনমুখী সিভিল সার্ভিস গঠন", VisionEn = "A skilled, patriotic and citizen-centred civil service",
            MissionBn = "মানসম্মত প্রশিক্ষণ, গবেষণা ও পরামর্শ সেবার মাধ্যমে সরকারি কর্মচারীদের সক্ষমতা বৃদ্ধি",
            MissionEn = "Building the capacity of public servants through quality training, research and advice",
            Services = services,
            Grievance = Grievance(registrar, Officer("মোঃ আশরাফ উদ্দিন", "Md. Ashraf Uddin", "রেক্টর", "Rector", "০২-৭৭৪৫০০০", "rector@bpatc.gov.bd")),
            Expectations = CommonExpectations,
        };
    }
}
