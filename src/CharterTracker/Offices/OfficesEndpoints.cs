using CharterTracker.Pipeline;
using System.Text;
using MediatR;

namespace CharterTracker.Offices;

public static class OfficesEndpoints
{
    public static IEndpointRouteBuilder MapOfficesEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/v1/me/offices", (IMediator mediator, CancellationToken ct) => mediator.Send(new ListMyOfficesQuery(), ct))
            .WithTags("Access").WithSummary("The offices the signed-in user records for: its own and those it is assigned to today.");
        var offices = app.MapGroup("/api/v1/offices").WithTags("Offices");

        offices.MapPost("/", async (RegisterOfficeCommand command, IMediator mediator, CancellationToken ct) =>
        {
            var office = await mediator.Send(command, ct);
            return Results.Created($"/api/v1/offices/{office.Id}", office);
        }).WithSummary("Register an office under a parent (or a root, SystemAdmin only).");

        offices.MapGet("/", (string? search, OfficeKind? kind, int? page, int? pageSize, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListOfficesQuery { Search = search, Kind = kind, Page = page ?? 1, PageSize = pageSize ?? 50 }, ct))
            .WithSummary("The offices you may see, searched by code or name, a page at a time.");

        offices.MapGet("/{id:long}", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetOfficeQuery(id), ct));

        offices.MapGet("/{id:long}/children", (long id, DateOnly? asOf, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new ListOfficeChildrenQuery(id, asOf), ct))
            .WithSummary("Direct children, as the tree stands on asOf (default today).");

        offices.MapGet("/{id:long}/subtree", (long id, DateOnly? asOf, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new GetOfficeSubtreeQuery(id, asOf), ct))
            .WithSummary("The office and everything under it, as the tree stood on asOf (default today).");

        offices.MapGet("/{id:long}/history", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetOfficeHistoryQuery(id), ct));

        offices.MapPost("/{id:long}/rename", (long id, RenameOfficeCommand command, IMediator mediator, CancellationToken ct) =>
            mediator.Send(command with { OfficeId = id }, ct));

        offices.MapPost("/{id:long}/move", (long id, MoveOfficeCommand command, IMediator mediator, CancellationToken ct) =>
                mediator.Send(command with { OfficeId = id }, ct))
            .WithSummary("Move the office and its subtree under another parent from effectiveOn.");

        offices.MapPost("/{id:long}/deactivate", (long id, DeactivateOfficeCommand command, IMediator mediator, CancellationToken ct) =>
            mediator.Send(command with { OfficeId = id }, ct));

        offices.MapPost("/import", async (HttpRequest request, bool? dryRun, IMediator mediator, CancellationToken ct) =>
        {
            var report = await mediator.Send(new ImportOfficesCommand { Csv = await ReadCsvAsync(request, ct), DryRun = dryRun ?? false }, ct);
            return Results.Ok(report);
        }).WithSummary("Import offices from CSV (text/csv body or a multipart file): code,nameBn,nameEn,kind,parentCode,activeFrom. "
                        + "With dryRun=true nothing is written and every bad row is listed; without it, any bad row means nothing is written (400).")
          .DisableAntiforgery();

        return app;
    }

    private static async Task<string> ReadCsvAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.HasFormContentType)
        {
            var form = await request.ReadWellFormedFormAsync(ct);
            var file = form.Files.FirstOrDefault();
            if (file is null) return "";
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            return await reader.ReadToEndAsync(ct);
        }
        using var body = new StreamReader(request.Body, Encoding.UTF8);
        return await body.ReadToEndAsync(ct);
    }
}
