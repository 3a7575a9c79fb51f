using System.Security.Cryptography;
using System.Text;
using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using MediatR;
using Microsoft.Extensions.Options;

namespace CharterTracker.Documents;

public sealed record GeneratedDocument : IIdentifiedResult
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public long SubjectId { get; init; }
    public string Period { get; init; } = "";
    public string Language { get; init; } = "";

    /// <summary>The record version the document came from (e.g. Meeting#12v3).</summary>
    public string SourceVersion { get; init; } = "";

    /// <summary>Same data, same HTML: the same hash; the PDF's own hash changes with Chromium's timestamps.</summary>
    public string HtmlSha256 { get; init; } = "";
    public string PdfSha256 { get; init; } = "";
    public long Size { get; init; }
    public string GeneratedBy { get; init; } = "";
    public DateTime GeneratedAtUtc { get; init; }

    public const string Columns = "Id, Kind, SubjectId, Period, Language, SourceVersion, HtmlSha256, PdfSha256, Size, GeneratedBy, GeneratedAtUtc";
}

/// <summary>
/// Turns a document's HTML into a stored PDF. Printing happens outside any database transaction (it takes seconds);
/// the same HTML printed before is served from the store instead of printed again.
/// </summary>
public sealed class DocumentPublisher(ChromiumPdfPrinter printer, IMediator mediator, DbSession db, IOptions<DocumentOptions> options)
{
    public sealed record Published(GeneratedDocument Document, Stream Content);

    public async Task<Published> PublishAsync(string kind, long subjectId, long officeId, string period, string language, string sourceVersion, string html, CancellationToken cancellationToken)
    {
        var htmlSha = Sha256(Encoding.UTF8.GetBytes(html));
        var earlier = await db.QuerySingleOrDefaultAsync<GeneratedDocument>(
            $"""
            SELECT {GeneratedDocument.Columns} FROM GeneratedDocuments
            WHERE Kind = @kind AND SubjectId = @subjectId AND Language = @language AND HtmlSha256 = @htmlSha
            ORDER BY Id DESC
            """,
            new { kind, subjectId, language, htmlSha }, cancellationToken);
        if (earlier is not null && File.Exists(PathOf(earlier.PdfSha256)))
        {
            return new Published(earlier, File.OpenRead(PathOf(earlier.PdfSha256)));
        }

        var pdf = await printer.PrintAsync(html, cancellationToken);
        var pdfSha = Sha256(pdf);
        var path = PathOf(pdfSha);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        await File.WriteAllBytesAsync(temporary, pdf, cancellationToken);
        File.Move(temporary, path, overwrite: true);

        var document = await mediator.Send(new RecordGeneratedDocumentCommand
        {
            Kind = kind, SubjectId = subjectId, OfficeId = officeId, Period = period, Language = language, SourceVersion = sourceVersion,
            HtmlSha256 = htmlSha, PdfSha256 = pdfSha, Size = pdf.Length,
        }, cancellationToken);
        return new Published(document, new MemoryStream(pdf, writable: false));
    }

    private string PathOf(string sha256) => Path.Combine(Path.GetFullPath(options.Value.Directory), sha256[..2], sha256 + ".pdf");

    private static string Sha256(byte[] bytes) => Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
}
