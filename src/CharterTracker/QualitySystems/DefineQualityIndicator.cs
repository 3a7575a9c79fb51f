using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>The office defines an indicator for one of its quality systems in force: its unit, frequency, aggregation, targets and weight.</summary>
public sealed record DefineQualityIndicatorCommand : QualityIndicatorFields, ICommand<QualityIndicator>
{
    public DefineQualityIndicatorCommand()
    {
    }

    /// <summary>The fields a form read, for the office's system.</summary>
    public DefineQualityIndicatorCommand(long officeId, long? qualitySystemId, QualityIndicatorFields fields) : base(fields) =>
        (OfficeId, QualitySystemId) = (officeId, qualitySystemId);

    public long OfficeId { get; init; }
    public long? QualitySystemId { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Write(OfficeId)];
}

public sealed class DefineQualityIndicatorValidator : AbstractValidator<DefineQualityIndicatorCommand>
{
    public DefineQualityIndicatorValidator()
    {
        Include(new QualityIndicatorFieldsValidator());
        RuleFor(c => c.QualitySystemId).NotNull().WithMessage(_ => Say.Text("কোন ব্যবস্থার সূচক, তা বেছে নিন।", "The quality system (qualitySystemId) is required."));
    }
}

public sealed class DefineQualityIndicatorHandler(DbSession db, CurrentUser user, TimeProvider clock) : IRequestHandler<DefineQualityIndicatorCommand, QualityIndicator>
{
    public async Task<QualityIndicator> Handle(DefineQualityIndicatorCommand command, CancellationToken cancellationToken)
    {
        var system = await db.QuerySingleOrDefaultAsync<SystemRow>(
            "SELECT OfficeId, RetiredOn FROM QualitySystemAdoptions WHERE Id = @QualitySystemId", command, cancellationToken);
        if (system is null || system.OfficeId != command.OfficeId)
        {
            throw new RequestValidationException("qualitySystemId", Say.Text("দপ্তরটি এই ব্যবস্থা গ্রহণ করেনি।", $"Office {command.OfficeId} has no quality system {command.QualitySystemId}."));
        }
        if (system.RetiredOn is not null)
        {
            throw new ConflictException(Say.Text("ব্যবস্থাটি বন্ধ হয়েছে; নতুন সূচক যোগ করা যায় না।", $"Quality system {command.QualitySystemId} was retired: it takes no new indicators."), "qualitySystemId");
        }
        await QualityIndicatorStore.EnsureCodeFreeAsync(db, command.OfficeId, command.Code!, null, cancellationToken);
        var parameters = new Dapper.DynamicParameters(QualityIndicatorStore.Columns(command));
        parameters.AddDynamicParams(new { command.OfficeId, command.QualitySystemId, Who = user.Username, Now = clock.GetUtcNow().UtcDateTime });
        var id = await db.InsertAsync(
            """
            INSERT INTO QualityIndicators (OfficeId, AdoptionId, Code, NameBn, NameEn, Unit, Frequency, Aggregation, Direction, Weight, Targets, EvidenceRequired,
                                           Version, CreatedBy, CreatedAtUtc, UpdatedAtUtc)
            VALUES (@OfficeId, @QualitySystemId, @Code, @NameBn, @NameEn, @Unit, @Frequency, @Aggregation, @Direction, @Weight, @Targets, @EvidenceRequired,
                    1, @Who, @Now, @Now)
            """, parameters, cancellationToken);
        return await QualityIndicatorStore.GetAsync(db, id, cancellationToken);
    }

    private sealed class SystemRow
    {
        public long OfficeId { get; init; }
        public DateOnly? RetiredOn { get; init; }
    }
}
