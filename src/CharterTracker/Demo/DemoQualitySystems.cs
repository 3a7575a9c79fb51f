using CharterTracker.ActionPlans;
using CharterTracker.Calendar;
using CharterTracker.QualitySystems;
using MediatR;

namespace CharterTracker.Demo;

/// <summary>
/// The demo's quality systems, through the real commands: BPATC runs ISO 9001 with three indicators of its own and has
/// recorded every ended quarter since 2024-25; NAPD adopted two of the P.S.O. core systems (information, personnel
/// development) in October 2024, one indicator each.
/// </summary>
public sealed class DemoQualitySystems(IMediator mediator, FiscalCalendar calendar)
{
    public async Task LoadAsync(IReadOnlyDictionary<string, long> offices, CancellationToken cancellationToken)
    {
        var iso = await Adopt(offices["BPATC"], "ISO9001", new DateOnly(2024, 7, 1));
        await Indicator(iso, "ISO-1", "৭ কার্যদিবসের মধ্যে নিষ্পত্তিকৃত অভিযোগ", "Complaints resolved within 7 working days", QualityUnit.Percent, Aggregation.Average, 2, 90,
            [84, 88, 91, 93, 90, 92, 95, 94]);
        await Indicator(iso, "ISO-2", "অভ্যন্তরীণ নিরীক্ষা অনুষ্ঠিত", "Internal audits held", QualityUnit.Number, Aggregation.Sum, 1, 4,
            [1, 1, 0, 1, 1, 1, 1, 2]);
        await Indicator(iso, "ISO-3", "সংশোধনমূলক ব্যবস্থা সমাপ্ত", "Corrective actions closed", QualityUnit.Percent, Aggregation.Average, 1, 85,
            [70, 78, 86, 88, 80, 82, 90, 92]);

        var information = await Adopt(offices["NAPD"], "PSO-01", new DateOnly(2024, 10, 1));
        await Indicator(information, "PSO-1.1", "১৫ দিনের মধ্যে ওয়েবসাইটে হালনাগাদকৃত সেবা-তথ্য", "Service information updated on the website within 15 days",
            QualityUnit.Percent, Aggregation.Average, 1, 100, [0, 75, 100, 100, 90, 100, 100, 100]);
        var personnel = await Adopt(offices["NAPD"], "PSO-04", new DateOnly(2024, 10, 1));
        await Indicator(personnel, "PSO-4.1", "জনপ্রতি প্রশিক্ষণ ঘণ্টা", "Training hours per employee", QualityUnit.Hours, Aggregation.Sum, 1, 40,
            [0, 8, 12, 10, 9, 10, 11, 12]);

        // On a clock before the story's days (the tests'), adopted today instead.
        async Task<QualitySystem> Adopt(long officeId, string code, DateOnly on) =>
            await mediator.Send(new AdoptQualitySystemCommand { OfficeId = officeId, SystemCode = code, AdoptedOn = on < calendar.Today ? on : calendar.Today }, cancellationToken);

        // Values for every quarter that has ended, from Q1 2024-25 on, recorded a week after it ended.
        async Task Indicator(QualitySystem system, string code, string nameBn, string nameEn, QualityUnit unit, Aggregation aggregation, decimal weight, decimal target,
            decimal[] values)
        {
            var indicator = await mediator.Send(new DefineQualityIndicatorCommand(system.OfficeId, system.Id, new QualityIndicatorFields
            {
                Code = code, NameBn = nameBn, NameEn = nameEn, Unit = unit, Frequency = IndicatorFrequency.Quarterly, Aggregation = aggregation, Weight = weight,
                Targets = new QualityTargets { At100 = target },
            }), cancellationToken);
            var quarter = new FiscalYear(2024, calendar.StartMonth).Quarter(1);
            for (var i = 0; quarter.End.AddDays(7) <= calendar.Today; i++, quarter = quarter.Next)
            {
                if (quarter.End < system.AdoptedOn) continue;
                await mediator.Send(new RecordQualityValueCommand(indicator.Id, quarter.Year.Name, quarter.Number, null,
                    new QualityValueFields { Value = values[Math.Min(i, values.Length - 1)], HasEvidence = true }) { RecordedOn = quarter.End.AddDays(7) }, cancellationToken);
            }
        }
    }
}
