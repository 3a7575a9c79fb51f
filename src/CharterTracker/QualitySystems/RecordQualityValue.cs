using CharterTracker.Access;
using CharterTracker.Activities;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.QualitySystems;

/// <summary>
/// Records an indicator's value for a quarter, or corrects the one recorded (then the <c>version</c> read is required,
/// and the replaced version goes to its history). One value counts per indicator and quarter; a withdrawn one makes
/// room for a new one. The period's lock and the office's place in the tree apply as for every record.
/// </summary>
public sealed record RecordQualityValueCommand : QualityValueFields, ICommand<QualityValue>
{
    public RecordQualityValueCommand()
    {
    }

    public RecordQualityValueCommand(long indicatorId, string fiscalYear, int? quarter, int? version, QualityValueFields fields) : base(fields) =>
        (IndicatorId, FiscalYear, Quarter, Version) = (indicatorId, fiscalYear, quarter, version);

    public long IndicatorId { get; init; }
    public int? Quarter { get; init; }

    /// <summary>The version of the value read, to correct it; none when the quarter has no value yet.</summary>
    public int? Version { get; init; }

    /// <summary>SystemAdmin only, back-filling history.</summary>
    public DateOnly? RecordedOn { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.WriteOfficeOf(QualityIndicatorStore.OfficeOf(IndicatorId))];
}

public sealed class RecordQualityValueValidator : AbstractValidator<RecordQualityValueCommand>
{
    public RecordQualityValueValidator(FiscalCalendar calendar)
    {
        Include(new QualityValueFieldsValidator());
        RuleFor(c => c.FiscalYear).FiscalYearName(calendar);
        RuleFor(c => c.Quarter).QuarterNumber();
        RuleFor(c => c.Version).GreaterThanOrEqualTo(1).WithMessage(_ => Say.Text("সংস্করণ ১ বা তার বেশি।", "A version is 1 or more."));
    }
}

public sealed class RecordQualityValueHandler(DbSession db, RecordLifecycle records, FiscalCalendar calendar) : IRequestHandler<RecordQualityValueCommand, QualityValue>
{
    public async Task<QualityValue> Handle(RecordQualityValueCommand command, CancellationToken cancellationToken)
    {
        var indicator = await QualityIndicatorStore.GetAsync(db, command.IndicatorId, cancellationToken);
        var quarter = calendar.Year(command.FiscalYear).Quarter(command.Quarter!.Value);
        if (quarter.Start > calendar.Today)
        {
            throw new RequestValidationException("quarter", Say.Text("যে ত্রৈমাসিক শুরু হয়নি, তার মান লেখা যায় না।", $"{quarter} has not begun: its value cannot be recorded yet."));
        }
        var system = await QualitySystemStore.GetAsync(db, indicator.QualitySystemId, cancellationToken);
        if (!system.InForce(quarter.Start, quarter.End))
        {
            throw new ConflictException(Say.Text("এই ত্রৈমাসিকে দপ্তরে ব্যবস্থাটি চালু ছিল না।",
                $"{system.NameEn} was not in force at office {system.OfficeId} in {quarter} (adopted {system.AdoptedOn:yyyy-MM-dd}{(system.RetiredOn is { } r ? $", retired {r:yyyy-MM-dd}" : "")})."));
        }
        if (indicator.Percent() && command.Value > 100)
        {
            throw new RequestValidationException("value", Say.Text("শতাংশ সর্বোচ্চ ১০০।", "A percentage is at most 100."));
        }

        var current = await QualityValueStore.CurrentIdAsync(db, indicator.Id, quarter.Year.Name, quarter.Number, cancellationToken);
        if (current is not { } id)
        {
            var recorded = records.RecordedOn(command.RecordedOn);
            await records.EnsureRecordableAsync(indicator.OfficeId, quarter.Year.Name, quarter.Number, null, cancellationToken);
            var columns = new Dapper.DynamicParameters(QualityValueStore.Columns(command));
            columns.AddDynamicParams(new { IndicatorId = indicator.Id, FiscalYear = quarter.Year.Name, Quarter = quarter.Number });
            id = await records.InsertAsync(QualityValueStore.Table, indicator.OfficeId, recorded, command, columns, cancellationToken);
            return await QualityValueStore.GetAsync(db, records, id, cancellationToken);
        }
        if (command.Version is not { } version)
        {
            throw new RequestValidationException("version", Say.Text("এই ত্রৈমাসিকের মান আগেই লেখা হয়েছে: সংশোধন করতে আপনি যে সংস্করণ পড়েছেন তার নম্বর (version) দিন।",
                $"{quarter} already has a value (quality value {id}): to correct it, send the version you read."));
        }
        var (replaced, _) = await records.EnsureEditableAsync(RecordKind.QualityValue, id, version, cancellationToken);
        var before = await QualityValueStore.GetAsync(db, records, id, cancellationToken);
        await records.WriteHistoryAsync(RecordKind.QualityValue, id, replaced, "Edited", before, cancellationToken);
        await records.UpdateAsync(QualityValueStore.Table, id, command, QualityValueStore.Columns(command), cancellationToken);
        return await QualityValueStore.GetAsync(db, records, id, cancellationToken);
    }
}
