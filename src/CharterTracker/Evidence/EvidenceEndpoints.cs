using System.Globalization;
using CharterTracker.Pipeline;
using MediatR;

namespace CharterTracker.Evidence;

public static class EvidenceEndpoints
{
    public static IEndpointRouteBuilder MapEvidenceEndpoints(this IEndpointRouteBuilder app)
    {
        var evidence = app.MapGroup("/api/v1/evidence").WithTags("Evidence");

        evidence.MapPost("/", async (HttpRequest request, IMediator mediator, CancellationToken ct) =>
        {
            if (!request.HasFormContentType)
            {
                throw new RequestValidationException("file", "Send the file as multipart/form-data in a field named 'file', with 'evidenceDate' (YYYY-MM-DD).");
            }
            var form = await request.ReadWellFormedFormAsync(ct);
            var file = form.Files.GetFile("file") ?? form.Files.FirstOrDefault();
            DateOnly? evidenceDate = null;
            if (form["evidenceDate"].FirstOrDefault() is { Length: > 0 } text)
            {
                evidenceDate = DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date
                    : throw new RequestValidationException("evidenceDate", $"'{text}' is not a date written YYYY-MM-DD.");
            }
            long? officeId = null;
            if (form["officeId"].FirstOrDefault() is { Length: > 0 } officeText)
            {
                officeId = long.TryParse(officeText, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    ? id
                    : throw new RequestValidationException("officeId", $"'{officeText}' is not an office id.");
            }
            await using var content = file?.OpenReadStream() ?? Stream.Null;
            var stored = await mediator.Send(new UploadEvidenceCommand
            {
                FileName = file?.FileName,
                ContentType = file?.ContentType,
                EvidenceDate = evidenceDate,
                OfficeId = officeId,
                Content = content,
            }, ct);
            return Results.Created($"/api/v1/evidence/{stored.Id}", stored);
        }).DisableAntiforgery()
          .WithSummary("Upload an evidence file (multipart: file, evidenceDate, officeId?). PDF, images, Office documents; 10 MB by default.");

        evidence.MapGet("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) =>
        {
            var download = await mediator.Send(new GetEvidenceFileQuery(id), ct);
            return Results.File(download.Content, download.File.ContentType, download.File.FileName);
        }).WithSummary("Download an evidence file.");
        return app;
    }
}
