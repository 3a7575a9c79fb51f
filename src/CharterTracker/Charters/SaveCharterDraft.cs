using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Charters;

/// <summary>
/// Saves the office's draft charter (the next version, until published): the first save creates it (without a
/// revision); every later save names the <see cref="Revision"/> it read, so that two editors cannot overwrite each
/// other unseen (409).
/// </summary>
public sealed record SaveCharterDraftCommand : CharterContent, ICommand<CharterVersion>
{
    public SaveCharterDraftCommand()
    {
    }

    /// <summary>The content a form or an import read, for the office's draft at <paramref name="revision"/>.</summary>
    public SaveCharterDraftCommand(long officeId, int? revision, CharterContent content) : base(content) => (OfficeId, Revision) = (officeId, revision);

    public long OfficeId { get; init; }

    /// <summary>The draft's revision the editor read; none when there is no draft yet.</summary>
    public int? Revision { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class SaveCharterDraftValidator : AbstractValidator<SaveCharterDraftCommand>
{
    public SaveCharterDraftValidator()
    {
        Include(new CharterContentValidator());
        RuleFor(c => c.Revision).GreaterThanOrEqualTo(1).WithMessage(_ => Say.Text("সংশোধনী নম্বর ১ বা তার বেশি।", "A revision is 1 or more."));
    }
}

public sealed class SaveCharterDraftHandler(CharterStore charters) : IRequestHandler<SaveCharterDraftCommand, CharterVersion>
{
    public Task<CharterVersion> Handle(SaveCharterDraftCommand command, CancellationToken cancellationToken) =>
        charters.SaveDraftAsync(command.OfficeId, command.Revision, command, cancellationToken);
}
