using System.Text.Json.Serialization;
using CharterTracker.Access;
using CharterTracker.Data;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace CharterTracker.Evidence;

/// <summary>Stores a file that backs records (minutes, attendance sheets, screenshots of the portal…).</summary>
public sealed record UploadEvidenceCommand : ICommand<EvidenceFile>
{
    public string? FileName { get; init; }
    public string? ContentType { get; init; }

    /// <summary>The day the evidence is from (the signed minutes' date), not the upload date.</summary>
    public DateOnly? EvidenceDate { get; init; }

    /// <summary>The office it belongs to, when known at upload: anyone who may read that office may then download it.</summary>
    public long? OfficeId { get; init; }

    [JsonIgnore]
    public Stream Content { get; init; } = Stream.Null;

    public IEnumerable<AccessDemand> AccessDemands() => [OfficeId is { } office ? AccessDemand.Write(office) : AccessDemand.SignedIn];
}

public sealed record EvidenceFile : IIdentifiedResult
{
    public long Id { get; init; }
    public long? OfficeId { get; init; }
    public string FileName { get; init; } = "";
    public string ContentType { get; init; } = "";
    public long Size { get; init; }
    public string Sha256 { get; init; } = "";
    public DateOnly EvidenceDate { get; init; }
    public string UploadedBy { get; init; } = "";
    public DateTime UploadedAtUtc { get; init; }

    public const string Columns = "Id, OfficeId, FileName, ContentType, Size, Sha256, EvidenceDate, UploadedBy, UploadedAtUtc";
}

public sealed class UploadEvidenceValidator : AbstractValidator<UploadEvidenceCommand>
{
    public UploadEvidenceValidator(Calendar.FiscalCalendar calendar)
    {
        RuleFor(c => c.FileName).Must(name => !string.IsNullOrWhiteSpace(name)).WithMessage("A file is required (multipart field 'file').")
            .MaximumLength(255);
        RuleFor(c => c.EvidenceDate).NotNull().WithMessage("The evidence date (the day the document is from) is required.")
            .Must(date => date is null || date.Value <= calendar.Today).WithMessage("The evidence date cannot be in the future.");
    }
}

public sealed class UploadEvidenceHandler(DbSession db, EvidenceStore store, IOptions<EvidenceOptions> options, CurrentUser user, TimeProvider clock)
    : IRequestHandler<UploadEvidenceCommand, EvidenceFile>
{
    public async Task<EvidenceFile> Handle(UploadEvidenceCommand command, CancellationToken cancellationToken)
    {
        var contentType = (command.ContentType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        if (!EvidenceTypes.Allowed.ContainsKey(contentType))
        {
            throw new EvidenceTypeRefusedException($"'{contentType}' is not accepted as evidence; upload a PDF, an image (PNG, JPEG, GIF, WebP) or an Office document.");
        }
        var buffered = new BufferedStream(command.Content, 4096);
        var head = new byte[16];
        var headLength = await buffered.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        if (!EvidenceTypes.Matches(contentType, head.AsSpan(0, headLength)))
        {
            throw new EvidenceTypeRefusedException($"The file's content is not a {contentType} file; upload the document in the format it claims.");
        }
        var stored = await store.SaveAsync(new ConcatenatedStream(head.AsMemory(0, headLength), buffered), options.Value.MaxBytes, cancellationToken);

        var id = await db.InsertAsync(
            """
            INSERT INTO EvidenceFiles (
                OfficeId,
                FileName,
                ContentType,
                Size,
                Sha256,
                EvidenceDate,
                UploadedByUserId,
                UploadedBy,
                UploadedAtUtc
            ) VALUES (
                @OfficeId,
                @FileName,
                @contentType,
                @Size,
                @Sha256,
                @EvidenceDate,
                @UserId,
                @Username,
                @Now
            )
            """,
            new
            {
                command.OfficeId,
                FileName = Path.GetFileName(command.FileName!.Trim()),
                contentType,
                stored.Size,
                stored.Sha256,
                command.EvidenceDate,
                user.UserId,
                user.Username,
                Now = clock.GetUtcNow().UtcDateTime,
            }, cancellationToken);
        return (await db.QuerySingleOrDefaultAsync<EvidenceFile>($"SELECT {EvidenceFile.Columns} FROM EvidenceFiles WHERE Id = @id", new { id }, cancellationToken))!;
    }

    /// <summary>The bytes already read to check the signature, then the rest of the upload.</summary>
    private sealed class ConcatenatedStream(ReadOnlyMemory<byte> head, Stream tail) : Stream
    {
        private ReadOnlyMemory<byte> _head = head;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (_head.Length > 0)
            {
                var count = Math.Min(buffer.Length, _head.Length);
                _head[..count].CopyTo(buffer);
                _head = _head[count..];
                return count;
            }
            return await tail.ReadAsync(buffer, cancellationToken);
        }

        public override int Read(byte[] buffer, int offset, int count) => ReadAsync(buffer.AsMemory(offset, count)).AsTask().GetAwaiter().GetResult();
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
