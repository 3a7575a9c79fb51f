using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Access;

/// <summary>The signed-in user's language for web pages and notifications: the language switch stores it.</summary>
public sealed record SetMyLanguageCommand : ICommand<Unit>
{
    public string? Language { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

public sealed class SetMyLanguageValidator : AbstractValidator<SetMyLanguageCommand>
{
    public SetMyLanguageValidator() =>
        RuleFor(c => c.Language).Must(l => l is "bn" or "en").WithMessage("The language is 'bn' or 'en'.");
}

public sealed class SetMyLanguageHandler(DbSession db, CurrentUser user) : IRequestHandler<SetMyLanguageCommand, Unit>
{
    public async Task<Unit> Handle(SetMyLanguageCommand command, CancellationToken cancellationToken)
    {
        // The built-in system user has no row; it has no pages either.
        if (user.UserId is { } id) await db.ExecuteAsync("UPDATE Users SET Language = @Language WHERE Id = @id", new { command.Language, id }, cancellationToken);
        return Unit.Value;
    }
}
