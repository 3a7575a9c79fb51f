using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Charters;

/// <summary>
/// Publishes a new version of the office's charter at once (without a draft): it counts as the office's charter
/// update (1.1.1) for the quarter of <see cref="PublishedOn"/>.
/// </summary>
public sealed record PublishCharterVersionCommand : CharterContent, ICommand<CharterVersion>
{
    public long OfficeId { get; init; }

    /// <summary>The publication date printed on the charter; not in the future.</summary>
    public DateOnly? PublishedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class PublishCharterVersionValidator : AbstractValidator<PublishCharterVersionCommand>
{
    public PublishCharterVersionValidator(FiscalCalendar calendar)
    {
        Include(new CharterContentValidator());
        RuleFor(c => c.PublishedOn).PublicationDate(calendar);
    }
}

public sealed class PublishCharterVersionHandler(CharterStore charters) : IRequestHandler<PublishCharterVersionCommand, CharterVersion>
{
    public async Task<CharterVersion> Handle(PublishCharterVersionCommand command, CancellationToken cancellationToken)
    {
        var number = await charters.ReservePublishedNumberAsync(command.OfficeId, cancellationToken);
        var id = await charters.InsertAsync(command.OfficeId, number, "Published", command, cancellationToken);
        await charters.PublishAsync(command.OfficeId, id, number, command.PublishedOn!.Value, cancellationToken);
        return await charters.LoadAsync(id, cancellationToken);
    }
}
