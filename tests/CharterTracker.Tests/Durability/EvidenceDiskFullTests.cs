using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Durability;

/// <summary>
/// The evidence directory on a real full disk: a 64 KB tmpfs, so the kernel itself answers ENOSPC. Needs root (or
/// CAP_SYS_ADMIN) to mount; where that is refused the test is skipped and says why.
/// </summary>
[NonParallelizable]
public sealed class EvidenceDiskFullTests
{
    private static readonly byte[] SmallPdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    private static MultipartFormDataContent Upload(byte[] content)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new MultipartFormDataContent { { file, "file", "minutes.pdf" }, { new StringContent("2024-08-10"), "evidenceDate" } };
    }

    private static int Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1; // no such command
        }
    }

    [Test]
    public async Task An_upload_to_a_full_evidence_disk_is_a_507_and_leaves_neither_a_row_nor_a_file()
    {
        var directory = TestDatabase.NewDirectory();
        var evidence = Directory.CreateDirectory(Path.Combine(directory, "evidence")).FullName;
        if (Run("mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", evidence) != 0)
        {
            Assert.Ignore("Skipped: this machine does not let the tests mount a 64 KB tmpfs (mount -t tmpfs needs root), so a full disk cannot be made.");
        }
        try
        {
            await using var app = await TestApp.StartAsync(directory: directory, settings: new Dictionary<string, string?>
            {
                ["Charter:Evidence:Directory"] = evidence,
                ["Charter:Evidence:MaxBytes"] = "1000000",
            });
            var admin = await app.AsAdminAsync();
            var big = new byte[200_000];
            SmallPdf.CopyTo(big, 0);
            Random.Shared.NextBytes(big.AsSpan(SmallPdf.Length));

            var fits = await (await admin.PostAsync("/api/v1/evidence", Upload(SmallPdf))).JsonAsync(HttpStatusCode.Created);
            var problem = await (await admin.PostAsync("/api/v1/evidence", Upload(big))).JsonAsync(HttpStatusCode.InsufficientStorage);
            var afterwards = await (await admin.PostAsync("/api/v1/evidence", Upload([.. SmallPdf, .. "% another\n"u8]))).JsonAsync(HttpStatusCode.Created);

            var files = Directory.GetFiles(evidence, "*", SearchOption.AllDirectories).Select(Path.GetFileName);
            Assert.Multiple(() =>
            {
                Assert.That(problem.Str("title"), Is.EqualTo("The evidence store is full."));
                Assert.That(problem.Str("detail"), Does.Contain("no space left").And.Contain("Nothing was saved"));
                Assert.That(problem.Str("detail"), Does.Not.Contain(evidence), "the server's paths are for its log, not for users");
                Assert.That(Sql.Count(app, "EvidenceFiles"), Is.EqualTo(2), "no row for the file that did not fit");
                Assert.That(files, Is.EquivalentTo(new[] { fits.Str("sha256") + ".bin", afterwards.Str("sha256") + ".bin" }), "no partial or temporary file left behind");
                Assert.That(Sql.Count(app, "AuditLog", "Action = 'UploadEvidence' AND Outcome = 'Failed'"), Is.EqualTo(1), "the failure is audited");
            });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Run("umount", evidence) != 0) Run("umount", "-l", evidence);
        }
    }
}
