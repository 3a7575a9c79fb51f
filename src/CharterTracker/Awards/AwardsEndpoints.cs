using System.Globalization;
using CharterTracker.Documents;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Awards;

public static class AwardsEndpoints
{
    public static IEndpointRouteBuilder MapAwardsEndpoints(this IEndpointRouteBuilder app)
    {
        var cycles = app.MapGroup("/api/v1/award-cycles").WithTags("Awards");
        cycles.MapPost("", async (CreateAwardCycleCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var cycle = await mediator.Send(command, ct);
            return Results.Created($"/api/v1/award-cycles/{cycle.Id}", cycle);
        }).WithSummary("Open a service-quality award cycle for the organising office's subtree (its monitoring committee).");
        cycles.MapGet("", (string? fiscalYear, IMediator mediator, CancellationToken ct) => mediator.Send(new ListAwardCyclesQuery(fiscalYear), ct))
            .WithSummary("The cycles the caller may see: organised in their line, or judged by them.");
        cycles.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAwardCycleQuery(id), ct));
        cycles.MapPut("/{id:long}/windows", (long id, ChangeAwardWindowsCommand command, IMediator mediator, CancellationToken ct) =>
                mediator.Send(command with { Id = id }, ct))
            .WithSummary("Move the nomination and judging windows (not after judging closed).");
        cycles.MapPost("/{id:long}/judges", async (long id, AssignJudgeCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var judge = await mediator.Send(command with { CycleId = id }, ct);
            return Results.Created($"/api/v1/award-cycles/{id}", judge);
        }).WithSummary("Assign a user as a judge of the cycle.");
        cycles.MapGet("/{id:long}/judge-candidates", (long id, string? search, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new FindJudgeCandidatesQuery(id, search), ct))
            .WithSummary("Active users whose username or name contains search (at most 20), to assign as judges (the organiser).");
        cycles.MapPost("/{id:long}/nominations", async (long id, NominateServiceCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var nomination = await mediator.Send(command with { CycleId = id }, ct);
            return Results.Created($"/api/v1/nominations/{nomination.Id}", nomination);
        }).WithSummary("Nominate a service of an office of the organiser's subtree (a focal point, while nominations are open).");
        cycles.MapGet("/{id:long}/nominations", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListNominationsQuery(id), ct));
        cycles.MapGet("/{id:long}/sheet", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetScoringSheetQuery(id), ct))
            .WithSummary("The calling judge's own scoring sheet.");
        cycles.MapGet("/{id:long}/progress", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetJudgingProgressQuery(id), ct))
            .WithSummary("How far each judge has got (counts only), for the organiser.");
        cycles.MapGet("/{id:long}/results", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetAwardResultsQuery(id), ct))
            .WithSummary("Ranked results per category (ties share a rank); 409 until judging closes.");
        cycles.MapGet("/{id:long}/results.csv", async (long id, IMediator mediator, CancellationToken ct) =>
        {
            var cycle = await mediator.Send(new GetAwardCycleQuery(id), ct);
            var results = await mediator.Send(new GetAwardResultsQuery(id), ct);
            return CsvTable.File(ResultsCsv(cycle, results), $"award-results-{id}.csv");
        }).WithSummary("The results as CSV.");
        cycles.MapGet("/{id:long}/scores", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new ListJudgeScoresQuery(id), ct))
            .WithSummary("Every judge's scores, after judging closes (organiser and judges).");

        var nominations = app.MapGroup("/api/v1/nominations").WithTags("Awards");
        nominations.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetNominationQuery(id), ct));
        nominations.MapPut("/{id:long}/scores", (long id, ScoreNominationCommand command, IMediator mediator, CancellationToken ct) =>
                mediator.Send(command with { NominationId = id }, ct))
            .WithSummary("A judge's scores (0–10) of the nomination per criterion, while judging is open.");
        nominations.MapPost("/{id:long}/withdraw", (long id, WithdrawNominationCommand? command, IMediator mediator, CancellationToken ct) =>
                mediator.Send((command ?? new WithdrawNominationCommand()) with { Id = id }, ct))
            .WithSummary("Withdraw a nomination while nominations are open.");
        nominations.MapGet("/{id:long}/certificate.pdf", async (long id, string? lang, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct) =>
            {
                var certificate = await mediator.Send(new GetAwardCertificateQuery(id, lang), ct);
                var page = await html.RenderAsync<AwardCertificate>(new Dictionary<string, object?> { ["Model"] = certificate });
                var published = await publisher.PublishAsync("AwardCertificate", id, certificate.ReadableOfficeId, certificate.FiscalYear,
                    certificate.Text.Language, certificate.SourceVersion, page, ct);
                return Results.File(published.Content, "application/pdf", $"certificate-{id}-{certificate.Text.Language}.pdf");
            })
            .WithSummary("The award certificate of a ranked nomination (lang=bn|en|th), once judging has closed.");
        return app;
    }

    internal static string ResultsCsv(AwardCycle cycle, IReadOnlyList<AwardResult> results)
    {
        var csv = new CsvTable().Line("categoryCode", "categoryBn", "categoryEn", "rank", "nominationId", "officeId", "officeBn", "officeEn", "title", "score", "judges");
        foreach (var r in results)
        {
            var category = cycle.Categories.First(c => c.Code == r.CategoryCode);
            csv.Line(r.CategoryCode, category.NameBn, category.NameEn, r.Rank.ToString(CultureInfo.InvariantCulture), r.NominationId.ToString(CultureInfo.InvariantCulture),
                r.OfficeId.ToString(CultureInfo.InvariantCulture), r.OfficeNameBn, r.OfficeNameEn, r.Title, r.Score.ToString("0.00", CultureInfo.InvariantCulture),
                r.Judges.ToString(CultureInfo.InvariantCulture));
        }
        return csv.ToString();
    }
}
