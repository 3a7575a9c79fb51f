using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Charters;

/// <summary>
/// Publishes the office's draft, as last saved at <see cref="Revision"/>, as its next version: from then on it never
/// changes, and it counts as the office's charter update (1.1.1) for the quarter of <see cref="PublishedOn"/>.
/// </summary>
public sealed record PublishCharterDraftCommand : ICommand<CharterVersion>
{
    public long OfficeId { get; init; }
    public DateOnly? PublishedOn { get; init; }

    /// <summary>The draft's revision the publisher read: a later save by someone else is a 409, not published unseen.</summary>
    public int? Revision { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class PublishCharterDraftValidator : AbstractValidator<PublishCharterDraftCommand>
{
    public PublishCharterDraftValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.PublishedOn).PublicationDate(calendar);
        RuleFor(c => c.Revision).NotNull().WithMessage(_ => Say.Text("আপনি খসড়ার যে সংশোধনী পড়েছেন, তার নম্বর (revision) দিতে হবে।",
                "The revision of the draft you read is required, so that a change you have not seen is not published."))
            .GreaterThanOrEqualTo(1).WithMessage(_ => Say.Text("সংশোধনী নম্বর ১ বা তার বেশি।", "A revision is 1 or more."));
    }
}

public sealed class PublishCharterDraftHandler(CharterStore charters) : IRequestHandler<PublishCharterDraftCommand, CharterVersion>
{
    public async Task<CharterVersion> Handle(PublishCharterDraftCommand command, CancellationToken cancellationToken)
    {
        var draft = await charters.DraftIdAsync(command.OfficeId, cancellationToken) ?? throw CharterStore.DraftGone();
        await charters.EnsureDraftRevisionAsync(draft, command.Revision, cancellationToken);
        var number = await charters.ReservePublishedNumberAsync(command.OfficeId, cancellationToken);
        await charters.PublishAsync(command.OfficeId, draft, number, command.PublishedOn!.Value, cancellationToken);
        return await charters.LoadAsync(draft, cancellationToken);
    }
}
