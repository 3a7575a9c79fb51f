using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;

namespace CharterTracker.Meetings;

/// <summary>What a meeting record must hold to produce minutes like the seed's.</summary>
public sealed class MeetingFieldsValidator : AbstractValidator<MeetingFields>
{
    public MeetingFieldsValidator(FiscalCalendar calendar)
    {
        RuleFor(m => m.Kind).NotNull().WithMessage(_ => Say.Text("সভার ধরন বেছে নিন।", "The kind is required: " + string.Join(", ", Enum.GetNames<MeetingKind>()) + "."));
        RuleFor(m => m.FiscalYear).FiscalYearName(calendar);
        RuleFor(m => m.Quarter).QuarterNumber();
        RuleFor(m => m.HeldOn).InQuarter(calendar, m => m.FiscalYear, m => m.Quarter, "the meeting was held");
        RuleFor(m => m.StartTime).NotNull().WithMessage(_ => Say.Text("সভা শুরুর সময় (ঘণ্টা:মিনিট) দিতে হবে।", "The start time (HH:mm) is required."));
        RuleFor(m => m.Venue).Text("The venue", 500, whatBn: "সভার স্থান");
        RuleFor(m => m.Title).Text("The title", 1000, required: false, whatBn: "শিরোনাম");
        RuleFor(m => m.IssuingUnit).Text("The issuing unit", 300, required: false, whatBn: "জারিকারী শাখার নাম");
        RuleFor(m => m.Opening).Text("The opening", 8000, required: false, whatBn: "সূচনা");
        RuleFor(m => m.Closing).Text("The closing", 8000, required: false, whatBn: "সমাপনী");
        RuleFor(m => m.Chair).NotNull().WithMessage(_ => Say.Text("সভাপতির নাম ও পদবি দিতে হবে।", "The chair (name and designation) is required."));
        RuleFor(m => m.Chair!.Name).Text("The chair's name", 200, whatBn: "সভাপতির নাম").When(m => m.Chair is not null);
        RuleFor(m => m.Chair!.Designation).Text("The chair's designation", 200, whatBn: "সভাপতির পদবি").When(m => m.Chair is not null);

        RuleFor(m => m.Attendees)
            .Must(list => list is not null && list.Any(a => a is { Attended: true }))
            .WithMessage(_ => Say.Text("সভায় উপস্থিত অন্তত একজনের নাম দিন (পরিশিষ্ট 'ক')।",
                "A meeting that was held has attendance: list at least one person who attended (annex 'ক')."));
        // A null in a list (JSON "[null]") is an error on that element, not a crash further on.
        RuleForEach(m => m.Attendees).NotNull().WithMessage(_ => Say.Text("খালি সারি দেওয়া যাবে না।", "An empty entry (null) is not allowed."));
        RuleForEach(m => m.Agenda).NotNull().WithMessage(_ => Say.Text("খালি সারি দেওয়া যাবে না।", "An empty entry (null) is not allowed."));
        RuleForEach(m => m.Attendees).ChildRules(attendee =>
        {
            attendee.RuleFor(a => a.Name).Text("The name", 200, whatBn: "উপস্থিত ব্যক্তির নাম");
            attendee.RuleFor(a => a.Designation).Text("The designation", 200, whatBn: "উপস্থিত ব্যক্তির পদবি");
            attendee.RuleFor(a => a.Office).Text("The office", 300, whatBn: "উপস্থিত ব্যক্তির দপ্তর");
        });

        RuleFor(m => m.Agenda).Must(list => list is { Count: > 0 })
            .WithMessage(_ => Say.Text("কার্যবিবরণীতে অন্তত একটি আলোচ্য বিষয়, তার আলোচনা ও সিদ্ধান্তসহ, থাকতে হবে।",
                "The minutes need at least one agenda item with its discussion and decision."));
        RuleForEach(m => m.Agenda).ChildRules(item =>
        {
            item.RuleFor(i => i.Discussion).Text("The discussion", 8000, whatBn: "আলোচনা");
            // A decision may be all sub-items (the seed's first decision is "ক) … খ) …" and nothing else).
            item.RuleFor(i => i.Decision).Text("The decision", 8000, whatBn: "সিদ্ধান্ত").When(i => i.SubDecisions is not { Count: > 0 });
            item.RuleFor(i => i.Decision).Text("The decision", 8000, required: false, whatBn: "সিদ্ধান্ত").When(i => i.SubDecisions is { Count: > 0 });
            item.RuleFor(i => i.SubDecisions).Must(list => list is null || list.Count <= MinutesLetters.Max)
                .WithMessage(_ => Say.Text($"একটি সিদ্ধান্তে সর্বোচ্চ {BengaliDigits.ToBengali(MinutesLetters.Max)}টি উপ-সিদ্ধান্ত।",
                    $"A decision holds at most {MinutesLetters.Max} sub-decisions."));
            item.RuleForEach(i => i.SubDecisions).Must(text => !string.IsNullOrWhiteSpace(text) && MeetingStore.SubDecisionText(text).Length is > 0 and <= 4000)
                .WithMessage(_ => Say.Text("প্রতিটি উপ-সিদ্ধান্ত ১ থেকে ৪০০০ অক্ষরের।", "A sub-decision is 1–4000 characters."));
            item.RuleForEach(i => i.FollowUps).NotNull().WithMessage(_ => Say.Text("খালি সারি দেওয়া যাবে না।", "An empty entry (null) is not allowed."));
            item.RuleForEach(i => i.FollowUps).ChildRules(followUp =>
            {
                followUp.RuleFor(f => f.Action).Text("The action", 2000, whatBn: "ফলো-আপে যা করতে হবে");
                followUp.RuleFor(f => f.OwnerOfficeId).NotNull()
                    .WithMessage(_ => Say.Text("কোন দপ্তর এটি বাস্তবায়ন করবে, তা বেছে নিন।", "The office that owns the follow-up is required."));
                followUp.RuleFor(f => f.DueOn).NotNull()
                    .WithMessage(_ => Say.Text("বাস্তবায়নের শেষ তারিখ দিতে হবে।", "The follow-up's due date is required."));
            });
        });

        RuleFor(m => m.MemoNumber)
            .Must(memo => string.IsNullOrWhiteSpace(memo) || Meetings.MemoNumber.TryParse(memo, out _, out _))
            .WithMessage(m => Meetings.MemoNumber.TryParse(m.MemoNumber, out _, out var error)
                ? ""
                : Say.Text("স্মারক নম্বরটি সঠিক নয়; এভাবে লিখুন: ০৫.০০.০০০০.১৯৭.১৬.০০১.২৪.১৩৬ (১৮ অঙ্কের রূপ, বা শেষে আরও ৪ অঙ্কসহ ২২ অঙ্কের রূপ, তারপর ক্রমিক নম্বর)।", error!));
        RuleFor(m => m.IssuedOn)
            .Must((m, issued) => issued is null || m.HeldOn is null || issued >= m.HeldOn)
            .WithMessage(_ => Say.Text("সভা অনুষ্ঠানের আগে কার্যবিবরণী জারি হতে পারে না।", "The minutes cannot be issued before the meeting was held."))
            .Must(issued => issued is null || issued <= calendar.Today)
            .WithMessage(_ => Say.Text("জারির তারিখ ভবিষ্যতের হতে পারে না।", "The issue date cannot be in the future."));
        RuleFor(m => m.Signatory!.Name).Text("The signatory's name", 200, whatBn: "স্বাক্ষরকারীর নাম").When(m => m.Signatory is not null);
        RuleFor(m => m.Signatory!.Designation).Text("The signatory's designation", 200, whatBn: "স্বাক্ষরকারীর পদবি").When(m => m.Signatory is not null);
        RuleForEach(m => m.Distribution).Must(line => !string.IsNullOrWhiteSpace(line) && line.Length <= 1000)
            .WithMessage(_ => Say.Text("বিতরণ তালিকার প্রতিটি লাইন ১ থেকে ১০০০ অক্ষরের।", "A distribution line is 1–1000 characters."));
    }
}
