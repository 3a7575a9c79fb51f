namespace CharterTracker.Evidence;

/// <summary><c>Charter:Evidence</c>: where files live and what is accepted.</summary>
public sealed class EvidenceOptions
{
    /// <summary>Files are stored outside the database, named by their SHA-256. Default <c>data/evidence</c>.</summary>
    public string Directory { get; set; } = Path.Combine("data", "evidence");

    public long MaxBytes { get; set; } = 10 * 1024 * 1024;
}

/// <summary>What may be uploaded as evidence: PDF, images, Office documents — checked by content, not only by the declared type.</summary>
public static class EvidenceTypes
{
    private static readonly byte[] Pdf = "%PDF-"u8.ToArray();
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF];
    private static readonly byte[] Gif = "GIF8"u8.ToArray();
    private static readonly byte[] Zip = [0x50, 0x4B, 0x03, 0x04];
    private static readonly byte[] OleCompound = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    /// <summary>Allowed content types and the signature their first bytes must carry.</summary>
    public static readonly IReadOnlyDictionary<string, byte[][]> Allowed = new Dictionary<string, byte[][]>(StringComparer.OrdinalIgnoreCase)
    {
        ["application/pdf"] = [Pdf],
        ["image/png"] = [Png],
        ["image/jpeg"] = [Jpeg],
        ["image/gif"] = [Gif],
        ["image/webp"] = ["RIFF"u8.ToArray()],
        ["application/msword"] = [OleCompound],
        ["application/vnd.ms-excel"] = [OleCompound],
        ["application/vnd.ms-powerpoint"] = [OleCompound],
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = [Zip],
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = [Zip],
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = [Zip],
    };

    public static bool Matches(string contentType, ReadOnlySpan<byte> head)
    {
        if (!Allowed.TryGetValue(contentType, out var signatures)) return false;
        foreach (var signature in signatures)
        {
            if (head.StartsWith(signature)) return true;
        }
        return false;
    }
}
