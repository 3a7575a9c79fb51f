using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Scoring;

/// <summary>Recomputes a year's read model from the records (after a restore, or to check it).</summary>
public sealed record RebuildScoresCommand : ICommand<RebuildResult>
{
    public string? FiscalYear { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SystemAdminOnly];
}

public sealed record RebuildResult(string FiscalYear, int Offices);

public sealed class RebuildScoresValidator : AbstractValidator<RebuildScoresCommand>
{
    public RebuildScoresValidator(FiscalCalendar calendar) => RuleFor(c => c.FiscalYear).FiscalYearName(calendar);
}

public sealed class RebuildScoresHandler(ScoreRefresher scores) : IRequestHandler<RebuildScoresCommand, RebuildResult>
{
    public async Task<RebuildResult> Handle(RebuildScoresCommand command, CancellationToken cancellationToken) =>
        new(command.FiscalYear!, await scores.RebuildAsync(command.FiscalYear!, cancellationToken));
}
