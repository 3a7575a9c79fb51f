using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Evidence;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.SpotChecks;

/// <summary>
/// What the committee found for one sampled service: delivered within the time limit, fee as published, documents as
/// published, a note (required when any answer is no: what was found instead), evidence. Can be corrected until the
/// report is issued.
/// </summary>
public sealed record RecordSpotCheckFindingCommand : ICommand<SpotCheckItem>
{
    public long Id { get; init; }
    public long ItemId { get; init; }
    public DateOnly? CheckedOn { get; init; }
    public bool? WithinTimeLimit { get; init; }
    public bool? FeeAsPublished { get; init; }
    public bool? DocumentsAsPublished { get; init; }
    public string? Note { get; init; }

    /// <summary>Files uploaded first (<c>POST /api/v1/evidence</c>), linked in place of earlier links.</summary>
    public IReadOnlyList<long>? EvidenceIds { get; init; }

    /// <summary>Evidence held on paper.</summary>
    public bool? HasEvidence { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.OverseeOfficeOf(SpotCheckStore.OfficeOf(Id))];
}

public sealed class RecordSpotCheckFindingValidator : AbstractValidator<RecordSpotCheckFindingCommand>
{
    public RecordSpotCheckFindingValidator(FiscalCalendar calendar)
    {
        RuleFor(c => c.CheckedOn).NotNull().WithMessage(_ => Say.Text("কবে যাচাই করা হয়েছে, সেই তারিখ দিতে হবে।", "The day of the check is required."))
            .Must(date => date is null || date <= calendar.Today).WithMessage(_ => Say.Text("যাচাইয়ের তারিখ ভবিষ্যতের হতে পারে না।", "The day of the check cannot be in the future."));
        RuleFor(c => c.WithinTimeLimit).NotNull().WithMessage(_ => Say.Text("নির্ধারিত সময়ে সেবা দেওয়া হয়েছে কি না, বলুন।", "Say whether the service was delivered within the time limit."));
        RuleFor(c => c.FeeAsPublished).NotNull().WithMessage(_ => Say.Text("প্রকাশিত সেবামূল্য নেওয়া হয়েছে কি না, বলুন।", "Say whether the fee was as published."));
        RuleFor(c => c.DocumentsAsPublished).NotNull().WithMessage(_ => Say.Text("প্রকাশিত কাগজপত্রই চাওয়া হয়েছে কি না, বলুন।", "Say whether the documents asked for were as published."));
        RuleFor(c => c.Note).Text("The note", 2000, required: false, whatBn: "মন্তব্য");
        RuleFor(c => c.Note)
            .Must((c, note) => !string.IsNullOrWhiteSpace(note) || !(c.WithinTimeLimit == false || c.FeeAsPublished == false || c.DocumentsAsPublished == false))
            .WithMessage(_ => Say.Text("কোনো উত্তর 'না' হলে মন্তব্যে লিখুন কী পাওয়া গেছে।", "When an answer is no, the note says what was found instead."));
        RuleFor(c => c.EvidenceIds).Must(ids => ids is null || ids.Count <= 20).WithMessage(_ => Say.Text("সর্বোচ্চ ২০টি প্রমাণক।", "At most 20 evidence files."));
    }
}

public sealed class RecordSpotCheckFindingHandler(DbSession db, SpotCheckStore store, EvidenceAccess evidence, CurrentUser user, TimeProvider clock)
    : IRequestHandler<RecordSpotCheckFindingCommand, SpotCheckItem>
{
    public async Task<SpotCheckItem> Handle(RecordSpotCheckFindingCommand command, CancellationToken cancellationToken)
    {
        var check = await db.QuerySingleOrDefaultAsync<(DateOnly DrawnOn, DateOnly? IssuedOn)>(
            "SELECT DrawnOn, IssuedOn FROM SpotChecks WHERE Id = @Id", command, cancellationToken);
        var exists = await db.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM SpotCheckItems WHERE Id = @ItemId AND SpotCheckId = @Id", command, cancellationToken);
        if (exists == 0) throw new NotFoundException($"Spot check {command.Id} has no item {command.ItemId}.");
        if (check.IssuedOn is { } issued)
        {
            throw new ConflictException(Say.Text($"প্রতিবেদন {BengaliDigits.Date(issued)} তারিখে জারি হয়েছে; এর ফলাফল আর বদলানো যায় না।",
                $"The report was issued on {issued:yyyy-MM-dd}; its findings no longer change."));
        }
        if (command.CheckedOn < check.DrawnOn)
        {
            throw new RequestValidationException("checkedOn", Say.Text($"নমুনা {BengaliDigits.Date(check.DrawnOn)} তারিখে নেওয়া হয়; যাচাই তার আগে হতে পারে না।",
                $"The sample was drawn on {check.DrawnOn:yyyy-MM-dd}; a check cannot come before it."));
        }

        var ids = (command.EvidenceIds ?? []).Distinct().ToList();
        if (ids.Count > 0)
        {
            var known = await db.QueryAsync<long>("SELECT Id FROM EvidenceFiles WHERE Id IN @ids", new { ids }, cancellationToken);
            if (ids.Except(known).ToList() is { Count: > 0 } unknown)
            {
                throw new RequestValidationException("evidenceIds", $"No evidence file has id {string.Join(", ", unknown)}: upload it first (POST /api/v1/evidence).");
            }
            foreach (var evidenceId in ids) await evidence.EnsureReadableAsync(evidenceId, cancellationToken);
        }
        await db.ExecuteAsync("DELETE FROM SpotCheckItemEvidence WHERE ItemId = @ItemId", command, cancellationToken);
        foreach (var evidenceId in ids)
        {
            await db.ExecuteAsync("INSERT INTO SpotCheckItemEvidence (ItemId, EvidenceId) VALUES (@ItemId, @evidenceId)", new { command.ItemId, evidenceId }, cancellationToken);
        }
        await db.ExecuteAsync(
            """
            UPDATE SpotCheckItems SET CheckedOn = @CheckedOn, WithinTimeLimit = @WithinTimeLimit, FeeAsPublished = @FeeAsPublished,
                DocumentsAsPublished = @DocumentsAsPublished, Note = @Note, HasEvidence = @hasEvidence, RecordedBy = @Who, RecordedAtUtc = @Now
            WHERE Id = @ItemId
            """,
            new
            {
                command.ItemId, command.CheckedOn, command.WithinTimeLimit, command.FeeAsPublished, command.DocumentsAsPublished,
                Note = string.IsNullOrWhiteSpace(command.Note) ? null : command.Note.Trim(), hasEvidence = ids.Count > 0 || command.HasEvidence == true,
                Who = user.Username, Now = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken);
        return (await store.GetAsync(command.Id, cancellationToken)).Items.Single(i => i.ItemId == command.ItemId);
    }
}
