using System.Text;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Charters;

public static class ChartersEndpoints
{
    public static IEndpointRouteBuilder MapChartersEndpoints(this IEndpointRouteBuilder app)
    {
        var charter = app.MapGroup("/api/v1/offices/{officeId:long}/charter").WithTags("Charter");
        charter.MapGet("", (long officeId, int? version, IMediator mediator, CancellationToken ct) => mediator.Send(new GetCharterQuery(officeId, version), ct))
            .WithSummary("The office's published charter: the latest version, or ?version=N.");
        charter.MapPost("/versions", async (long officeId, PublishCharterVersionCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var version = await mediator.Send(command with { OfficeId = officeId }, ct);
            return Results.Created($"/api/v1/offices/{officeId}/charter?version={version.Version}", version);
        }).WithSummary("Publish a new version; it counts as the office's charter update (1.1.1) for the quarter of publishedOn.");
        charter.MapGet("/versions", (long officeId, IMediator mediator, CancellationToken ct) => mediator.Send(new ListCharterVersionsQuery(officeId), ct))
            .WithSummary("The office's versions, newest first, its draft on top.");
        charter.MapGet("/changes", (long officeId, int? from, int? to, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new GetCharterChangesQuery(officeId, from, to), ct))
            .WithSummary("What changed from version ?from (default: the one before ?to) to ?to (default: the latest): services added, removed, changed field by field, and the other sections' changes.");

        charter.MapGet("/draft", (long officeId, IMediator mediator, CancellationToken ct) => mediator.Send(new GetCharterDraftQuery(officeId), ct));
        charter.MapPut("/draft", (long officeId, SaveCharterDraftCommand command, IMediator mediator, CancellationToken ct) =>
            mediator.Send(command with { OfficeId = officeId }, ct))
            .WithSummary("Save the draft (the body of POST versions without publishedOn, plus the revision read; none for a new draft). 409 when stale.");
        charter.MapPost("/draft/publish", (long officeId, PublishCharterDraftCommand command, IMediator mediator, CancellationToken ct) =>
            mediator.Send(command with { OfficeId = officeId }, ct))
            .WithSummary("Publish the draft at { revision } on { publishedOn }: the office's next version and the quarter's charter update.");

        charter.MapGet("/services.csv", async (long officeId, int? version, bool? draft, IMediator mediator, CancellationToken ct) =>
            CsvTable.File(await mediator.Send(new ExportCharterServicesQuery(officeId, version, draft ?? false), ct), $"charter-{officeId}-services.csv"))
            .WithSummary("The services of a version (default: the latest; ?draft=true: the draft) as CSV, one row per service.");
        charter.MapPost("/draft/services.csv", async (long officeId, int? revision, HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            using var body = new StreamReader(request.Body, Encoding.UTF8);
            var csv = await body.ReadToEndAsync(ct);
            return await mediator.Send(new ImportCharterServicesCommand(officeId, csv, revision), ct);
        }).WithSummary("Replace the draft's services with a CSV file (text/csv body; ?revision= of the draft when it exists). Every bad line is listed at once (400, lines[N].column).");

        app.MapGet("/api/v1/offices/{officeId:long}/charter-changes", (long officeId, string? fiscalYear, int? quarter, IMediator mediator, CancellationToken ct) =>
            mediator.Send(new ListSubtreeCharterChangesQuery(officeId, fiscalYear, quarter), ct))
            .WithTags("Charter").WithSummary("The charter versions published across the office's subtree in a quarter, with what each changed.");
        return app;
    }
}
