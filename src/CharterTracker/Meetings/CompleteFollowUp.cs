using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Meetings;

/// <summary>The owner office reports a follow-up done.</summary>
public sealed record CompleteFollowUpCommand : ICommand<FollowUp>
{
    public long Id { get; init; }
    public DateOnly? DoneOn { get; init; }
    public string? Note { get; init; }

    /// <summary>The office that owns the follow-up: its focal point reports it done.</summary>
    public IEnumerable<AccessDemand> AccessDemands() =>
        [AccessDemand.WriteOfficeOf(new OfficeLookup("SELECT OwnerOfficeId FROM FollowUps WHERE Id = @Id", Id, $"Follow-up {Id} does not exist."))];
}

public sealed class CompleteFollowUpValidator : AbstractValidator<CompleteFollowUpCommand>
{
    public CompleteFollowUpValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.DoneOn).NotNull().WithMessage(_ => Say.Text("কবে সম্পন্ন হয়েছে, সেই তারিখ দিতে হবে।", "The day it was done is required."))
            .Must(date => date is null || date <= calendar.Today)
            .WithMessage(_ => Say.Text("সম্পন্ন হওয়ার তারিখ ভবিষ্যতের হতে পারে না।", "The day it was done cannot be in the future."));
        RuleFor(c => c.Note).Text("The note", 2000, required: false, whatBn: "মন্তব্য");
    }
}

public sealed class CompleteFollowUpHandler(DbSession db, FiscalCalendar calendar) : IRequestHandler<CompleteFollowUpCommand, FollowUp>
{
    public async Task<FollowUp> Handle(CompleteFollowUpCommand command, CancellationToken cancellationToken)
    {
        var followUp = await db.QuerySingleOrDefaultAsync<FollowUp>(FollowUp.Select + " WHERE f.Id = @Id", command, cancellationToken)
            ?? throw new NotFoundException($"Follow-up {command.Id} does not exist.");
        if (followUp.Status == FollowUpStatus.Done)
        {
            throw new ConflictException(Say.Text($"এটি আগেই {BengaliDigits.Date(followUp.DoneOn!.Value)} তারিখে সম্পন্ন হয়েছে।",
                $"Follow-up {command.Id} was already done on {followUp.DoneOn:yyyy-MM-dd}."));
        }
        if (command.DoneOn < followUp.MeetingHeldOn)
        {
            throw new RequestValidationException("doneOn", Say.Text(
                $"যে সভায় এটি সিদ্ধান্ত হয়, তা {BengaliDigits.Date(followUp.MeetingHeldOn)} তারিখে অনুষ্ঠিত হয়; তার আগে সম্পন্ন হতে পারে না।",
                $"The meeting that decided it was held on {followUp.MeetingHeldOn:yyyy-MM-dd}."));
        }
        await db.ExecuteAsync("UPDATE FollowUps SET Status = 'Done', DoneOn = @DoneOn, DoneNote = @Note WHERE Id = @Id", command, cancellationToken);
        return (await db.QuerySingleOrDefaultAsync<FollowUp>(FollowUp.Select + " WHERE f.Id = @Id", command, cancellationToken))!.WithStatusOn(calendar.Today);
    }
}
