using CharterTracker.Access;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Awards;

/// <summary>
/// The certificate of a ranked nomination, in Bengali, English or Thai: only once judging has closed and only for a
/// nomination with a rank (409 otherwise). For readers of the nominated office or of the organising office.
/// </summary>
public sealed record GetAwardCertificateQuery(long NominationId, string? Language) : IQuery<AwardCertificateDocument>
{
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

/// <summary>What the certificate prints, already in its language and digits.</summary>
public sealed record AwardCertificateDocument
{
    public required CertificateText Text { get; init; }
    public required long NominationId { get; init; }
    public required string CycleName { get; init; }
    public required string FiscalYear { get; init; }
    public required string Category { get; init; }
    public required string OfficeName { get; init; }
    public required string OrganiserName { get; init; }
    public required string ServiceTitle { get; init; }
    public required int Rank { get; init; }
    public required decimal Score { get; init; }
    public required DateOnly AwardedOn { get; init; }

    /// <summary>An office the caller reads, for the audit row of the printed document.</summary>
    public required long ReadableOfficeId { get; init; }

    /// <summary>The results are final once judging closed (the windows no longer move), so the nomination and that day identify them.</summary>
    public string SourceVersion => $"Nomination#{NominationId}@{AwardedOn:yyyy-MM-dd}";
}

public sealed class GetAwardCertificateHandler(AwardStore store, AwardAccess awards) : IRequestHandler<GetAwardCertificateQuery, AwardCertificateDocument>
{
    public async Task<AwardCertificateDocument> Handle(GetAwardCertificateQuery query, CancellationToken cancellationToken)
    {
        var nomination = await store.NominationAsync(query.NominationId, cancellationToken);
        var cycle = await store.CycleAsync(nomination.CycleId, cancellationToken);
        long readable;
        if (await awards.ReadsAsync(nomination.OfficeId, cancellationToken)) readable = nomination.OfficeId;
        else if (await awards.ReadsOrganiserAsync(cycle, cancellationToken)) readable = cycle.OfficeId;
        else throw new ForbiddenException(Say.Text("এই মনোনয়নটি আপনার দপ্তরের আওতার বাইরের।", $"Nomination {nomination.Id} is outside your office's subtree."));

        GetAwardResultsHandler.EnsureClosed(cycle);
        var result = (await GetAwardResultsHandler.ResultsAsync(store, cycle, cancellationToken)).FirstOrDefault(r => r.NominationId == nomination.Id)
            ?? throw new ConflictException(Say.Text("মনোনয়নটি র‍্যাংক পায়নি (প্রত্যাহৃত, বা কোনো বিচারকের পূর্ণ নম্বর নেই): সনদ নেই।",
                $"Nomination {nomination.Id} has no rank (withdrawn, or no judge scored every criterion): there is no certificate."));
        var text = CertificateText.For(query.Language);
        var category = cycle.Categories.First(c => c.Code == nomination.CategoryCode);
        return new AwardCertificateDocument
        {
            Text = text, NominationId = nomination.Id, CycleName = cycle.Name, FiscalYear = text.Digits(cycle.FiscalYear),
            Category = text.Language switch { "bn" => category.NameBn, "th" => category.NameTh ?? category.NameEn, _ => category.NameEn },
            OfficeName = text.Bengali ? nomination.OfficeNameBn : nomination.OfficeNameEn,
            OrganiserName = text.Bengali ? cycle.OfficeNameBn : cycle.OfficeNameEn,
            ServiceTitle = nomination.Title, Rank = result.Rank, Score = result.Score, AwardedOn = cycle.JudgingClosesOn,
            ReadableOfficeId = readable,
        };
    }
}
