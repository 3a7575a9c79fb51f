using CharterTracker.Pipeline;
using FluentValidation;

namespace CharterTracker.Charters;

/// <summary>
/// What every charter version must hold, draft or published: vision and mission, at least one service with every
/// column of the standard layout filled in Bengali, the grievance levels, the expectations. Errors name the field as
/// sent (<c>services[2].fee</c>, <c>grievance[0].officer.name</c>).
/// </summary>
public sealed class CharterContentValidator : AbstractValidator<CharterContent>
{
    public const int MaxServices = 300;

    public CharterContentValidator()
    {
        RuleFor(c => c.VisionBn).Text("The vision (Bengali)", 2000, whatBn: "রূপকল্প (বাংলায়)").Bengali();
        RuleFor(c => c.VisionEn).Text("The vision (English)", 2000, required: false);
        RuleFor(c => c.MissionBn).Text("The mission (Bengali)", 2000, whatBn: "অভিলক্ষ্য (বাংলায়)").Bengali();
        RuleFor(c => c.MissionEn).Text("The mission (English)", 2000, required: false);

        RuleFor(c => c.Services).Must(list => list is { Count: > 0 })
            .WithMessage(_ => Say.Text("অন্তত একটি সেবা দিতে হবে।", "A charter lists at least one service."))
            .Must(list => list is null || list.Count <= MaxServices)
            .WithMessage(_ => Say.Text($"সর্বোচ্চ {Calendar.BengaliDigits.ToBengali(MaxServices)}টি সেবা।", $"A charter lists at most {MaxServices} services."));
        RuleForEach(c => c.Services).NotNull().WithMessage(_ => Say.Text("খালি সারি দেওয়া যাবে না।", "An empty entry (null) is not allowed."));
        RuleForEach(c => c.Services).ChildRules(service =>
        {
            service.RuleFor(s => s.Category).NotNull()
                .WithMessage(_ => Say.Text("সেবার ধরন বেছে নিন।", "The category is required: " + string.Join(", ", Enum.GetNames<ServiceCategory>()) + "."))
                .IsInEnum().WithMessage(_ => Say.Text("সেবার ধরন সঠিক নয়।", "The category is one of " + string.Join(", ", Enum.GetNames<ServiceCategory>()) + "."));
            service.RuleFor(s => s.NameBn).Text("The service's name (Bengali)", 500, whatBn: "সেবার নাম (বাংলায়)").Bengali();
            service.RuleFor(s => s.NameEn).Text("The service's name (English)", 500, required: false);
            service.RuleFor(s => s.Method).Text("How the service is delivered", 2000, whatBn: "সেবা প্রদান পদ্ধতি");
            service.RuleFor(s => s.MethodEn).Text("How the service is delivered (English)", 2000, required: false);
            service.RuleFor(s => s.Documents).Text("The documents needed", 2000, whatBn: "প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান");
            service.RuleFor(s => s.DocumentsEn).Text("The documents needed (English)", 2000, required: false);
            service.RuleFor(s => s.Fee).Text("The fee and how to pay", 1000, whatBn: "সেবার মূল্য ও পরিশোধ পদ্ধতি");
            service.RuleFor(s => s.FeeEn).Text("The fee (English)", 1000, required: false);
            service.RuleFor(s => s.TimeLimit).Text("The time limit", 300, whatBn: "সেবা প্রদানের সময়সীমা");
            service.RuleFor(s => s.TimeLimitEn).Text("The time limit (English)", 300, required: false);
            service.RuleFor(s => s.Officer).NotNull()
                .WithMessage(_ => Say.Text("দায়িত্বপ্রাপ্ত কর্মকর্তার নাম ও পদবি দিতে হবে।", "The responsible officer (name and designation) is required."));
            service.RuleFor(s => s.Officer!).SetValidator(new CharterOfficerValidator()).When(s => s.Officer is not null);
        });

        RuleFor(c => c.Grievance).Must(list => list is null || list.Count <= 10)
            .WithMessage(_ => Say.Text("অভিযোগ প্রতিকার ব্যবস্থায় সর্বোচ্চ ১০টি স্তর।", "The grievance redress has at most 10 levels."));
        RuleForEach(c => c.Grievance).NotNull().WithMessage(_ => Say.Text("খালি সারি দেওয়া যাবে না।", "An empty entry (null) is not allowed."));
        RuleForEach(c => c.Grievance).ChildRules(level =>
        {
            level.RuleFor(l => l.Level).NotNull().WithMessage(_ => Say.Text("স্তর (১–১০) দিতে হবে।", "The level (1–10) is required."))
                .InclusiveBetween(1, 10).WithMessage(_ => Say.Text("স্তর ১ থেকে ১০।", "A level is 1 to 10."));
            level.RuleFor(l => l.Days).InclusiveBetween(1, 365)
                .WithMessage(_ => Say.Text("দিনের সংখ্যা ১ থেকে ৩৬৫।", "The days are 1 to 365."));
            level.RuleFor(l => l.Officer).NotNull()
                .WithMessage(_ => Say.Text("কর্মকর্তার নাম ও পদবি দিতে হবে।", "The officer (name and designation) is required."));
            level.RuleFor(l => l.Officer!).SetValidator(new CharterOfficerValidator()).When(l => l.Officer is not null);
        });
        RuleFor(c => c.Grievance)
            .Must(list => list is null || list.Where(l => l?.Level is not null).GroupBy(l => l!.Level).All(g => g.Count() == 1))
            .WithMessage(_ => Say.Text("একই স্তর দুবার দেওয়া যাবে না।", "Each grievance level appears once."));

        RuleFor(c => c.Expectations).Must(list => list is null || list.Count <= 50)
            .WithMessage(_ => Say.Text("সর্বোচ্চ ৫০টি প্রত্যাশা।", "At most 50 expectations."));
        RuleForEach(c => c.Expectations).NotNull().WithMessage(_ => Say.Text("খালি সারি দেওয়া যাবে না।", "An empty entry (null) is not allowed."));
        RuleForEach(c => c.Expectations).ChildRules(expectation =>
        {
            expectation.RuleFor(e => e.TextBn).Text("The expectation (Bengali)", 1000, whatBn: "প্রত্যাশা (বাংলায়)");
            expectation.RuleFor(e => e.TextEn).Text("The expectation (English)", 1000, required: false);
        });
    }
}

public sealed class CharterOfficerValidator : AbstractValidator<CharterOfficer>
{
    public CharterOfficerValidator()
    {
        RuleFor(o => o.Name).Text("The officer's name", 200, whatBn: "কর্মকর্তার নাম");
        RuleFor(o => o.NameEn).Text("The officer's name (English)", 200, required: false);
        RuleFor(o => o.Designation).Text("The officer's designation", 200, whatBn: "কর্মকর্তার পদবি");
        RuleFor(o => o.DesignationEn).Text("The officer's designation (English)", 200, required: false);
        RuleFor(o => o.Phone).Text("The phone number", 50, required: false)
            .Must(phone => string.IsNullOrWhiteSpace(phone) || phone.All(c => Calendar.BengaliDigits.IsDigit(c) || c is '+' or '-' or ' ' or '(' or ')' or ','))
            .WithMessage(_ => Say.Text("ফোন নম্বরে শুধু অঙ্ক, +, - ও ফাঁকা থাকতে পারে।", "A phone number holds digits, +, - and spaces only."));
        RuleFor(o => o.Email).Text("The e-mail address", 200, required: false)
            .EmailAddress().WithMessage(_ => Say.Text("ই-মেইল ঠিকানাটি সঠিক নয়।", "The e-mail address is not valid."));
    }
}

internal static class CharterRules
{
    /// <summary>Citizen charters began in Bangladesh in 2007; an earlier day is a typing mistake (and has no fiscal year here).</summary>
    public static readonly DateOnly FirstPublicationDay = new(2000, 1, 1);

    /// <summary>The day a version is published: required, not in the future.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> PublicationDate<T>(this IRuleBuilder<T, DateOnly?> rule, Calendar.FiscalCalendar calendar) =>
        rule.NotNull().WithMessage(_ => Say.Text("প্রকাশের তারিখ দিতে হবে।", "The publication date is required."))
            .Must(date => date is null || date.Value >= FirstPublicationDay)
            .WithMessage(_ => Say.Text("প্রকাশের তারিখ ২০০০ সালের আগে হতে পারে না।", "The publication date cannot be before 2000."))
            .Must(date => date is null || date.Value <= calendar.Today)
            .WithMessage(_ => Say.Text($"প্রকাশের তারিখ ভবিষ্যতের হতে পারে না (আজ {Calendar.BengaliDigits.Date(calendar.Today)})।",
                $"The publication date cannot be in the future (today is {calendar.Today:yyyy-MM-dd})."));

    /// <summary>A Bengali field must be written in Bengali: at least one letter of the Bengali block (U+0980–U+09FF).</summary>
    public static IRuleBuilderOptions<T, string?> Bengali<T>(this IRuleBuilderOptions<T, string?> rule) =>
        rule.Must(text => string.IsNullOrWhiteSpace(text) || text.Any(c => c is >= '\u0980' and <= '\u09FF' && !Calendar.BengaliDigits.IsDigit(c)))
            .WithMessage(_ => Say.Text("এই ঘরটি বাংলায় লিখুন (ইংরেজি লেখার জন্য আলাদা ঘর আছে)।", "This field is written in Bengali (English has a field of its own)."));
}
