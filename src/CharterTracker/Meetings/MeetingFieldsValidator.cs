using CharterTracker.Activities;
using CharterTracker.Calendar;
using FluentValidation;

namespace CharterTracker.Meetings;

/// <summary>What a meeting record must hold to produce minutes like the seed's.</summary>
public sealed class MeetingFieldsValidator : AbstractValidator<IMeetingFields>
{
    public MeetingFieldsValidator(FiscalCalendar calendar)
    {
        RuleFor(m => m.Kind).NotNull().WithMessage("The kind is required: " + string.Join(", ", Enum.GetNames<MeetingKind>()) + ".");
        RuleFor(m => m.FiscalYear).FiscalYearName(calendar);
        RuleFor(m => m.Quarter).QuarterNumber();
        RuleFor(m => m.HeldOn).InQuarter(calendar, m => m.FiscalYear, m => m.Quarter, "the meeting was held");
        RuleFor(m => m.StartTime).NotNull().WithMessage("The start time (HH:mm) is required.");
        RuleFor(m => m.Venue).Text("The venue", 500);
        RuleFor(m => m.Title).MaximumLength(1000);
        RuleFor(m => m.IssuingUnit).MaximumLength(300);
        RuleFor(m => m.Opening).MaximumLength(8000);
        RuleFor(m => m.Chair).NotNull().WithMessage("The chair (name and designation) is required.");
        RuleFor(m => m.Chair!.Name).Text("The chair's name", 200).When(m => m.Chair is not null);
        RuleFor(m => m.Chair!.Designation).Text("The chair's designation", 200).When(m => m.Chair is not null);

        RuleFor(m => m.Attendees)
            .Must(list => list is not null && list.Any(a => a.Attended))
            .WithMessage("A meeting that was held has attendance: list at least one person who attended (annex 'ক').");
        RuleForEach(m => m.Attendees).ChildRules(attendee =>
        {
            attendee.RuleFor(a => a.Name).Text("The name", 200);
            attendee.RuleFor(a => a.Designation).Text("The designation", 200);
            attendee.RuleFor(a => a.Office).Text("The office", 300);
        });

        RuleFor(m => m.Agenda).Must(list => list is { Count: > 0 }).WithMessage("The minutes need at least one agenda item with its discussion and decision.");
        RuleForEach(m => m.Agenda).ChildRules(item =>
        {
            item.RuleFor(i => i.Discussion).Text("The discussion", 8000);
            item.RuleFor(i => i.Decision).Text("The decision", 8000);
            item.RuleForEach(i => i.FollowUps).ChildRules(followUp =>
            {
                followUp.RuleFor(f => f.Action).Text("The action", 2000);
                followUp.RuleFor(f => f.OwnerOfficeId).NotNull().WithMessage("The office that owns the follow-up is required.");
                followUp.RuleFor(f => f.DueOn).NotNull().WithMessage("The follow-up's due date is required.");
            });
        });

        RuleFor(m => m.MemoNumber)
            .Must(memo => string.IsNullOrWhiteSpace(memo) || Meetings.MemoNumber.TryParse(memo, out _, out _))
            .WithMessage(m => Meetings.MemoNumber.TryParse(m.MemoNumber, out _, out var error) ? "" : error!);
        RuleFor(m => m.IssuedOn)
            .Must((m, issued) => issued is null || m.HeldOn is null || issued >= m.HeldOn)
            .WithMessage("The minutes cannot be issued before the meeting was held.")
            .Must(issued => issued is null || issued <= calendar.Today)
            .WithMessage("The issue date cannot be in the future.");
        RuleFor(m => m.Signatory!.Name).Text("The signatory's name", 200).When(m => m.Signatory is not null);
        RuleFor(m => m.Signatory!.Designation).Text("The signatory's designation", 200).When(m => m.Signatory is not null);
        RuleForEach(m => m.Distribution).Must(line => !string.IsNullOrWhiteSpace(line) && line.Length <= 1000)
            .WithMessage("A distribution line is 1–1000 characters.");
    }
}
