using System.Security.Cryptography;
using System.Text;
using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;

namespace CharterTracker.Documents;

/// <summary>Records a printed document (audited: who generated what, from which version of the data).</summary>
public sealed record RecordGeneratedDocumentCommand : ICommand<GeneratedDocument>
{
    public string Kind { get; init; } = "";
    public long SubjectId { get; init; }
    public long OfficeId { get; init; }
    public string Period { get; init; } = "";
    public string Language { get; init; } = "";
    public string SourceVersion { get; init; } = "";
    public string HtmlSha256 { get; init; } = "";
    public string PdfSha256 { get; init; } = "";
    public long Size { get; init; }

    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.Read(OfficeId)];
}

public sealed class RecordGeneratedDocumentValidator : AbstractValidator<RecordGeneratedDocumentCommand>
{
    public RecordGeneratedDocumentValidator()
    {
        RuleFor(c => c.Kind).NotEmpty();
        RuleFor(c => c.HtmlSha256).Length(64);
        RuleFor(c => c.PdfSha256).Length(64);
    }
}

public sealed class RecordGeneratedDocumentHandler(DbSession db, CurrentUser user, TimeProvider clock) : IRequestHandler<RecordGeneratedDocumentCommand, GeneratedDocument>
{
    public async Task<GeneratedDocument> Handle(RecordGeneratedDocumentCommand command, CancellationToken cancellationToken)
    {
        var id = await db.InsertAsync(
            """
            INSERT INTO GeneratedDocuments (
                Kind,
                SubjectId,
                Period,
                Language,
                SourceVersion,
                HtmlSha256,
                PdfSha256,
                Size,
                GeneratedBy,
                GeneratedAtUtc
            ) VALUES (
                @Kind,
                @SubjectId,
                @Period,
                @Language,
                @SourceVersion,
                @HtmlSha256,
                @PdfSha256,
                @Size,
                @Username,
                @Now
            )
            """,
            new
            {
                command.Kind, command.SubjectId, command.Period, command.Language, command.SourceVersion, command.HtmlSha256, command.PdfSha256, command.Size,
                user.Username, Now = clock.GetUtcNow().UtcDateTime,
            },
            cancellationToken);
        return (await db.QuerySingleOrDefaultAsync<GeneratedDocument>(
            $"SELECT {GeneratedDocument.Columns} FROM GeneratedDocuments WHERE Id = @id", new { id }, cancellationToken))!;
    }
}
