using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>
/// A focal point marks a meeting's minutes for publication on the office's public page, or takes them off it
/// (docs/rules.md, "The charter itself": public are the charter and the minutes so marked). Whoever may change the
/// meeting may do it; the audit row records each change. Withdrawn minutes cannot be published (and leave the page).
/// </summary>
public sealed record SetMinutesPublicationCommand : ICommand<MinutesPublication>
{
    public long MeetingId { get; init; }
    public bool? Published { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [RecordAccess.Write(RecordKind.Meeting, MeetingId)];
}

/// <summary>Whether a meeting's minutes are public, since when and by whom.</summary>
public sealed record MinutesPublication : IIdentifiedResult
{
    public long Id { get; init; }
    public bool Published { get; init; }
    public DateTime? PublishedAtUtc { get; init; }
    public string? PublishedBy { get; init; }
}

public sealed class SetMinutesPublicationValidator : AbstractValidator<SetMinutesPublicationCommand>
{
    public SetMinutesPublicationValidator() =>
        RuleFor(c => c.Published).NotNull().WithMessage(_ => Say.Text("প্রকাশ করা হবে কি না, বলুন।", "Say whether the minutes are published (true or false)."));
}

public sealed class SetMinutesPublicationHandler(DbSession db, CurrentUser user, TimeProvider clock) : IRequestHandler<SetMinutesPublicationCommand, MinutesPublication>
{
    public async Task<MinutesPublication> Handle(SetMinutesPublicationCommand command, CancellationToken cancellationToken)
    {
        var meeting = await db.QuerySingleOrDefaultAsync<(long OfficeId, DateTime? WithdrawnAtUtc)>(
            "SELECT OfficeId, WithdrawnAtUtc FROM Meetings WHERE Id = @MeetingId", command, cancellationToken);
        await db.ExecuteAsync("DELETE FROM PublishedMinutes WHERE MeetingId = @MeetingId", command, cancellationToken);
        if (command.Published == true)
        {
            if (meeting.WithdrawnAtUtc is not null)
            {
                throw new ConflictException(Say.Text("প্রত্যাহৃত সভার কার্যবিবরণী প্রকাশ করা যায় না।", $"Meeting {command.MeetingId} was withdrawn: its minutes cannot be published."));
            }
            await db.ExecuteAsync("INSERT INTO PublishedMinutes (MeetingId, OfficeId, PublishedBy, PublishedAtUtc) VALUES (@MeetingId, @OfficeId, @Who, @Now)",
                new { command.MeetingId, meeting.OfficeId, Who = user.Username, Now = clock.GetUtcNow().UtcDateTime }, cancellationToken);
        }
        return await MinutesPublicationOf.ReadAsync(db, command.MeetingId, cancellationToken);
    }
}

internal static class MinutesPublicationOf
{
    public static async Task<MinutesPublication> ReadAsync(DbSession db, long meetingId, CancellationToken cancellationToken) =>
        await db.QuerySingleOrDefaultAsync<MinutesPublication>(
            "SELECT MeetingId AS Id, 1 AS Published, PublishedAtUtc, PublishedBy FROM PublishedMinutes WHERE MeetingId = @meetingId", new { meetingId }, cancellationToken)
        ?? new MinutesPublication { Id = meetingId, Published = false };
}
