using CharterTracker.Activities;
using CharterTracker.Documents;
using MediatR;

namespace CharterTracker.Kaizen;

/// <summary>
/// The Kaizen register (API.md "Added for the quality programmes"): record, list (an office's or its subtree's), get,
/// edit, withdraw and history like every record kind; a convention's cases grouped by office, as JSON and CSV; the
/// case's one-page PDF and the convention's booklet, in Bengali or English.
/// </summary>
public static class KaizenEndpoints
{
    public static IEndpointRouteBuilder MapKaizenEndpoints(this IEndpointRouteBuilder app)
    {
        var offices = app.MapGroup("/api/v1/offices/{officeId:long}/kaizen").WithTags("Kaizen");
        offices.MapPost("/", async (long officeId, RecordKaizenCaseCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var recorded = await mediator.Send(command with { OfficeId = officeId }, ct);
            return Results.Created($"/api/v1/kaizen/{recorded.Id}", recorded);
        }).WithSummary("Record a Kaizen improvement case of the office (Planned, InProgress, Implemented or Abandoned).");
        offices.MapGet("/", (long officeId, string? fiscalYear, bool? subtree, KaizenStatus? status, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListKaizenCasesQuery(officeId, fiscalYear, subtree == true) { Status = status, Page = page ?? 1, PageSize = pageSize ?? 25 }, ct))
            .WithSummary("The office's cases of a fiscal year (subtree=true: its whole subtree's), newest first, with their measures.");
        offices.MapGet("/convention", (long officeId, string? fiscalYear, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetKaizenConventionQuery(officeId, fiscalYear), ct))
            .WithSummary("A district's or an agency's convention: the subtree's cases of the year grouped by office, with totals.");
        offices.MapGet("/convention.csv", async (long officeId, string? fiscalYear, string? lang, IMediator mediator, CancellationToken ct) =>
            {
                var convention = await mediator.Send(new GetKaizenConventionQuery(officeId, fiscalYear), ct);
                return Pipeline.CsvTable.File(KaizenCsv.Of(convention, lang == "bn"), $"kaizen-{officeId}-{convention.FiscalYear}.csv");
            })
            .WithSummary("The convention as CSV: one row per measure of each case (a case without measures, one row).");
        offices.MapGet("/booklet.pdf", async (long officeId, string? fiscalYear, string? lang, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct) =>
            {
                var booklet = await mediator.Send(new GetKaizenBookletQuery(officeId, fiscalYear, lang), ct);
                var page = await html.RenderAsync<KaizenCases>(new Dictionary<string, object?> { ["Model"] = booklet });
                var published = await publisher.PublishAsync("KaizenBooklet", officeId, officeId, booklet.FiscalYear, booklet.Text.Language, booklet.SourceVersion, page, ct);
                return Results.File(published.Content, "application/pdf", $"kaizen-booklet-{officeId}-{booklet.FiscalYear}-{booklet.Text.Language}.pdf");
            })
            .WithSummary("The convention's booklet: a cover with the totals, then every case on a page of its own (lang=bn|en).");

        var cases = app.MapGroup("/api/v1/kaizen").WithTags("Kaizen");
        cases.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetKaizenCaseQuery(id), ct));
        cases.MapPut("/{id:long}", (long id, EditKaizenCaseCommand command, IMediator mediator, CancellationToken ct) => mediator.Send(command with { Id = id }, ct))
            .WithSummary("Correct a case or move it on (Planned → InProgress → Implemented, or Abandoned); needs the version read.");
        cases.MapRecordLifecycle(RecordKind.Kaizen);
        cases.MapGet("/{id:long}/case.html", async (long id, string? lang, IMediator mediator, DocumentHtml html, CancellationToken ct) =>
                Results.Content(await html.RenderAsync<KaizenCases>(new Dictionary<string, object?> { ["Model"] = await mediator.Send(new GetKaizenCaseDocumentQuery(id, lang), ct) }),
                    "text/html; charset=utf-8"))
            .WithSummary("Preview of the case's page as HTML (lang=bn|en).");
        cases.MapGet("/{id:long}/case.pdf", async (long id, string? lang, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct) =>
            {
                var document = await mediator.Send(new GetKaizenCaseDocumentQuery(id, lang), ct);
                var page = await html.RenderAsync<KaizenCases>(new Dictionary<string, object?> { ["Model"] = document });
                var kaizen = document.Cases[0].Case;
                var published = await publisher.PublishAsync("KaizenCase", id, kaizen.OfficeId, kaizen.FiscalYear, document.Text.Language, document.SourceVersion, page, ct);
                return Results.File(published.Content, "application/pdf", $"kaizen-{id}-{document.Text.Language}.pdf");
            })
            .WithSummary("The case on one page, in Bengali (default) or English.");
        return app;
    }
}
