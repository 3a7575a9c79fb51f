using System.Security.Cryptography;
using CharterTracker.Pipeline;
using Microsoft.Extensions.Options;

namespace CharterTracker.Evidence;

/// <summary>
/// Evidence files on disk, content-addressed: <c>ab/abcdef….bin</c> by SHA-256. Written to a temporary file and
/// moved into place, so a crash never leaves half a file under a real name; the same file uploaded twice is stored once.
/// </summary>
public sealed class EvidenceStore(IOptions<EvidenceOptions> options)
{
    private string Root => Path.GetFullPath(options.Value.Directory);

    public sealed record StoredFile(string Sha256, long Size);

    /// <summary>Copies at most <paramref name="maxBytes"/> + 1 bytes; the caller refuses a file that is longer.</summary>
    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        var temporary = Path.Combine(Root, $"upload-{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(Root);
            using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            long size = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
                {
                    size += read;
                    if (size > maxBytes) throw new EvidenceTooLargeException(maxBytes);
                    sha.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                }
                await file.FlushAsync(cancellationToken);
                file.Flush(flushToDisk: true);
            }
            var hash = Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant();
            var target = PathOf(hash);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            if (File.Exists(target)) File.Delete(temporary);
            else File.Move(temporary, target);
            return new StoredFile(hash, size);
        }
        catch (IOException exception) when (IsDiskFull(exception))
        {
            // The temporary file goes (finally); the caller's transaction rolls back, so no row names a missing file.
            throw new EvidenceStorageFullException(exception);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public Stream Open(string sha256) => new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    private string PathOf(string sha256) => Path.Combine(Root, sha256[..2], sha256 + ".bin");

    /// <summary>ENOSPC (28) or EDQUOT (122) on Linux, where .NET gives the errno as HResult; ERROR_DISK_FULL / ERROR_HANDLE_DISK_FULL on Windows.</summary>
    private static bool IsDiskFull(IOException exception) =>
        exception.HResult is 28 or 122 or unchecked((int)0x80070070) or unchecked((int)0x80070027);
}

/// <summary>507: the evidence directory's disk (or quota) is full; nothing was stored. The path is for the log only.</summary>
public sealed class EvidenceStorageFullException(IOException inner)
    : ProblemException(StatusCodes.Status507InsufficientStorage, "The evidence store is full.",
        "The evidence store is full: there is no space left on its disk to store the file. Nothing was saved; tell an administrator.", inner: inner);

/// <summary>413 on the field <c>file</c>.</summary>
public sealed class EvidenceTooLargeException(long maxBytes)
    : ProblemException(StatusCodes.Status413PayloadTooLarge, "The file is too large.", $"The file is larger than the {maxBytes / (1024 * 1024.0):0.#} MB allowed for evidence.", "file")
{
    public long MaxBytes { get; } = maxBytes;
}

/// <summary>415 on the field <c>file</c>.</summary>
public sealed class EvidenceTypeRefusedException(string message)
    : ProblemException(StatusCodes.Status415UnsupportedMediaType, "This kind of file is not accepted.", message, "file");
