using CharterTracker.SpotChecks;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>
/// The charter in the government layout, the committee's monitoring report on a spot check, and the marking of
/// minutes for the public page: documents through the same pipeline as the minutes (Razor → HTML → Chromium → stored PDF).
/// </summary>
public static class PublicDocumentsEndpoints
{
    public sealed record PublicationBody(bool? Published);

    private const string Html = "text/html; charset=utf-8";

    public static IEndpointRouteBuilder MapPublicDocumentsEndpoints(this IEndpointRouteBuilder app)
    {
        var offices = app.MapGroup("/api/v1/offices/{id:long}").WithTags("Documents");
        offices.MapGet("/charter.pdf", async (long id, int? version, string? lang, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct) =>
            {
                var charter = await mediator.Send(new GetCharterDocumentQuery(id, version, lang), ct);
                var page = await html.RenderAsync<CitizenCharter>(new Dictionary<string, object?> { ["Model"] = charter });
                var published = await publisher.PublishAsync("Charter", charter.VersionId, id, $"v{charter.Version}", charter.Text.Language, charter.SourceVersion, page, ct);
                return Results.File(published.Content, "application/pdf", $"charter-{id}-v{charter.Version}-{charter.Text.Language}.pdf");
            })
            .WithSummary("The charter (default: the latest published version) in the government layout, A4, in Bengali (default) or English.");
        offices.MapGet("/charter.html", async (long id, int? version, string? lang, IMediator mediator, DocumentHtml html, CancellationToken ct) =>
                Results.Content(await html.RenderAsync<CitizenCharter>(new Dictionary<string, object?> { ["Model"] = await mediator.Send(new GetCharterDocumentQuery(id, version, lang), ct) }), Html))
            .WithSummary("Preview of the charter as HTML.");

        var checks = app.MapGroup("/api/v1/spot-checks/{id:long}").WithTags("Spot checks");
        checks.MapGet("/report.pdf", async (long id, string? lang, IMediator mediator, DocumentHtml html, DocumentPublisher publisher, CancellationToken ct) =>
            {
                var report = await mediator.Send(new GetMonitoringReportQuery(id, lang), ct);
                var page = await html.RenderAsync<MonitoringReportPage>(new Dictionary<string, object?> { ["Model"] = report });
                var period = $"{report.Check.FiscalYear} Q{report.Check.Quarter}";
                var published = await publisher.PublishAsync("MonitoringReport", id, report.Check.OfficeId, period, report.Text.Language, report.SourceVersion, page, ct);
                return Results.File(published.Content, "application/pdf", $"monitoring-report-{id}-{report.Text.Language}.pdf");
            })
            .WithSummary("The committee's monitoring report on the spot check, for the Cabinet Division (a draft until issued).");
        checks.MapGet("/report.html", async (long id, string? lang, IMediator mediator, DocumentHtml html, CancellationToken ct) =>
                Results.Content(await html.RenderAsync<MonitoringReportPage>(new Dictionary<string, object?> { ["Model"] = await mediator.Send(new GetMonitoringReportQuery(id, lang), ct) }), Html))
            .WithSummary("Preview of the monitoring report as HTML.");

        var meetings = app.MapGroup("/api/v1/meetings/{id:long}").WithTags("Meetings");
        meetings.MapGet("/publication", (long id, IMediator mediator, CancellationToken ct) => mediator.Send(new GetMinutesPublicationQuery(id), ct))
            .WithSummary("Whether the meeting's minutes are on the office's public page.");
        meetings.MapPut("/publication", (long id, PublicationBody body, IMediator mediator, CancellationToken ct) =>
                mediator.Send(new SetMinutesPublicationCommand { MeetingId = id, Published = body.Published }, ct))
            .WithSummary("Mark the minutes for publication on the office's public page ({ published: true }), or take them off it.");
        return app;
    }
}
