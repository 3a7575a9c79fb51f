using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;

namespace CharterTracker.Data;

/// <summary>
/// The <c>backup</c> and <c>restore</c> verbs (SQLite only; docs/operations.md). A backup is a consistent online copy
/// of the database made with SQLite's backup API while the app keeps running (WAL: readers never block the writer),
/// then the evidence files that copy names, each checked against its SHA-256, and a manifest written last. Generated
/// PDFs are not copied: each is printed again from the restored data on its first request.
/// </summary>
/// <param name="evidenceDirectory">Where the evidence store keeps its files (<c>Charter:Evidence:Directory</c>).</param>
public sealed class SqliteBackup(DbConnectionFactory factory, string evidenceDirectory, TimeProvider clock)
{
    public const string DatabaseFileName = "chartertracker.db";
    public const string ManifestFileName = "manifest.json";
    public const string EvidenceFolder = "evidence";

    public sealed record Manifest
    {
        public DateTime CreatedAtUtc { get; init; }

        /// <summary>The last migration applied to the copied database.</summary>
        public string SchemaVersion { get; init; } = "";
        public string Database { get; init; } = DatabaseFileName;
        public long DatabaseBytes { get; init; }
        public string DatabaseSha256 { get; init; } = "";
        public int EvidenceFileCount { get; init; }
        public IReadOnlyList<ManifestFile> EvidenceFiles { get; init; } = [];

        /// <summary>Files the database names but the evidence directory lacked when the backup ran.</summary>
        public IReadOnlyList<string> MissingEvidence { get; init; } = [];
        public string Documents { get; init; } = "not copied: every PDF is printed again from the restored data on its first request";
    }

    /// <summary>A file of the backup: its path inside the backup folder (forward slashes), size and SHA-256.</summary>
    public sealed record ManifestFile(string Path, long Bytes, string Sha256);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>Runs a verb for Program.cs: prints what happened and returns the exit code.</summary>
    public async Task<int> RunVerbAsync(string verb, string folder, CancellationToken cancellationToken = default)
    {
        if (factory.Dialect != Dialect.Sqlite)
        {
            Console.Error.WriteLine($"""
                The {verb} verb applies to SQLite only; this deployment runs on SQL Server.
                Back up and restore the database with SQL Server's own BACKUP DATABASE / RESTORE DATABASE (see deploy/README.md),
                and copy the evidence directory (Charter:Evidence:Directory) with your file backup tool.
                """);
            return 1;
        }
        try
        {
            var started = clock.GetTimestamp();
            var manifest = verb == "backup" ? await BackupAsync(folder, cancellationToken) : await RestoreAsync(folder, cancellationToken);
            var elapsed = clock.GetElapsedTime(started).TotalSeconds;
            Console.WriteLine(verb == "backup"
                ? $"Backed up the database (schema {manifest.SchemaVersion}, {manifest.DatabaseBytes:N0} bytes) and {manifest.EvidenceFileCount} evidence file(s) to {Path.GetFullPath(folder)} in {elapsed:0.0} s."
                : $"Restored the database (schema {manifest.SchemaVersion}) to {Path.GetFullPath(factory.SqliteFile!)} and {manifest.EvidenceFileCount} evidence file(s) to {EvidenceRoot} in {elapsed:0.0} s. Start the app.");
            if (manifest.MissingEvidence.Count == 0) return 0;
            Console.Error.WriteLine($"{manifest.MissingEvidence.Count} evidence file(s) named by the database were missing from {EvidenceRoot}: {string.Join(", ", manifest.MissingEvidence)}");
            return 1;
        }
        catch (BackupException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 1;
        }
    }

    public async Task<Manifest> BackupAsync(string folder, CancellationToken cancellationToken = default)
    {
        var target = Path.GetFullPath(folder);
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any())
        {
            throw new BackupException($"{target} is not empty: back up into a new or empty folder.");
        }
        Directory.CreateDirectory(target);

        // One step of the backup API copies every page under one read transaction: a snapshot as of one commit.
        var copy = Path.Combine(target, DatabaseFileName);
        await using (var source = (SqliteConnection)await factory.OpenAsync(cancellationToken))
        await using (var destination = new SqliteConnection(Unpooled(copy)))
        {
            await destination.OpenAsync(cancellationToken);
            source.BackupDatabase(destination);
            // The copy is one self-contained file (no -wal beside it).
            await destination.ExecuteAsync("PRAGMA journal_mode = DELETE;");
        }
        var (schema, named) = await InspectAsync(copy, cancellationToken);

        var files = new List<ManifestFile>();
        var missing = new List<string>();
        foreach (var sha in named)
        {
            var relative = RelativeEvidencePath(sha);
            var from = Path.Combine(EvidenceRoot, relative);
            if (!File.Exists(from))
            {
                missing.Add(sha);
                continue;
            }
            var (bytes, copied) = await CopyAsync(from, Path.Combine(target, EvidenceFolder, relative), cancellationToken);
            if (copied != sha) throw new BackupException($"Evidence file {from} does not match its SHA-256 (it reads as {copied}): the stored file is damaged.");
            files.Add(new ManifestFile($"{EvidenceFolder}/{relative.Replace('\\', '/')}", bytes, copied));
        }

        var manifest = new Manifest
        {
            CreatedAtUtc = clock.GetUtcNow().UtcDateTime,
            SchemaVersion = schema,
            DatabaseBytes = new FileInfo(copy).Length,
            DatabaseSha256 = await Sha256Async(copy, cancellationToken),
            EvidenceFileCount = files.Count,
            EvidenceFiles = files,
            MissingEvidence = missing,
        };
        // Written last: a folder with a manifest holds a complete backup.
        await WriteDurablyAsync(Path.Combine(target, ManifestFileName), JsonSerializer.SerializeToUtf8Bytes(manifest, Json), cancellationToken);
        return manifest;
    }

    /// <summary>Puts a backup back while the app is stopped: checks every file against the manifest first, and never overwrites a database.</summary>
    public async Task<Manifest> RestoreAsync(string folder, CancellationToken cancellationToken = default)
    {
        var source = Path.GetFullPath(folder);
        var manifestFile = Path.Combine(source, ManifestFileName);
        if (!File.Exists(manifestFile)) throw new BackupException($"{source} holds no {ManifestFileName}: it is not a complete CharterTracker backup.");
        var manifest = JsonSerializer.Deserialize<Manifest>(await File.ReadAllBytesAsync(manifestFile, cancellationToken), Json)!;

        var copy = Path.Combine(source, manifest.Database);
        if (!File.Exists(copy) || await Sha256Async(copy, cancellationToken) != manifest.DatabaseSha256)
        {
            throw new BackupException($"{copy} is missing or does not match the manifest's SHA-256: the backup is damaged.");
        }
        await InspectAsync(copy, cancellationToken);
        foreach (var file in manifest.EvidenceFiles)
        {
            var path = Path.Combine(source, file.Path);
            if (!File.Exists(path) || await Sha256Async(path, cancellationToken) != file.Sha256)
            {
                throw new BackupException($"{path} is missing or does not match the manifest's SHA-256: the backup is damaged.");
            }
        }

        var database = Path.GetFullPath(factory.SqliteFile!);
        if (new[] { "", "-wal", "-shm", "-journal" }.Any(suffix => File.Exists(database + suffix)))
        {
            throw new BackupException($"A database already exists at {database}. Stop the app, move that file (and its -wal and -shm files) aside, and run restore again.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(database)!);
        await CopyAsync(copy, database, cancellationToken);
        foreach (var file in manifest.EvidenceFiles)
        {
            await CopyAsync(Path.Combine(source, file.Path), Path.Combine(EvidenceRoot, RelativeEvidencePath(file.Sha256)), cancellationToken);
        }
        return manifest;
    }

    private string EvidenceRoot => Path.GetFullPath(evidenceDirectory);

    /// <summary>The evidence store's layout, <c>ab/abcdef….bin</c> (EvidenceStore).</summary>
    private static string RelativeEvidencePath(string sha256) => Path.Combine(sha256[..2], sha256 + ".bin");

    private static string Unpooled(string file, SqliteOpenMode mode = SqliteOpenMode.ReadWriteCreate) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = false, Mode = mode }.ToString();

    /// <summary>integrity_check of a copied database, its schema version and the evidence files it names.</summary>
    private static async Task<(string Schema, IReadOnlyList<string> Evidence)> InspectAsync(string file, CancellationToken cancellationToken)
    {
        await using var connection = new SqliteConnection(Unpooled(file, SqliteOpenMode.ReadOnly));
        await connection.OpenAsync(cancellationToken);
        var integrity = await connection.ExecuteScalarAsync<string>("PRAGMA integrity_check;");
        if (integrity != "ok") throw new BackupException($"The copied database fails SQLite's integrity check: {integrity}");
        var schema = await connection.ExecuteScalarAsync<string>("SELECT MAX(Name) FROM SchemaMigrations;") ?? "";
        var named = (await connection.QueryAsync<string>("SELECT DISTINCT Sha256 FROM EvidenceFiles ORDER BY Sha256;")).AsList();
        return (schema, named);
    }

    /// <summary>Copies through a temporary file synced to disk, then moves it into place; returns the size and SHA-256 read.</summary>
    private static async Task<(long Bytes, string Sha256)> CopyAsync(string from, string to, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(to)!);
        var temporary = to + ".tmp";
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        long bytes = 0;
        await using (var input = new FileStream(from, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
        await using (var output = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true))
        {
            var buffer = new byte[81920];
            int read;
            while ((read = await input.ReadAsync(buffer, cancellationToken)) > 0)
            {
                sha.AppendData(buffer, 0, read);
                await output.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
                bytes += read;
            }
            await output.FlushAsync(cancellationToken);
            output.Flush(flushToDisk: true);
        }
        File.Move(temporary, to, overwrite: true);
        return (bytes, Convert.ToHexString(sha.GetHashAndReset()).ToLowerInvariant());
    }

    private static async Task WriteDurablyAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        await using var output = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
        await output.WriteAsync(content, cancellationToken);
        output.Flush(flushToDisk: true);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken cancellationToken)
    {
        await using var input = File.OpenRead(path);
        return Convert.ToHexString(await SHA256.HashDataAsync(input, cancellationToken)).ToLowerInvariant();
    }
}

/// <summary>A backup or restore that cannot go on; the verb prints the message and exits with 1.</summary>
public sealed class BackupException(string message) : Exception(message);
