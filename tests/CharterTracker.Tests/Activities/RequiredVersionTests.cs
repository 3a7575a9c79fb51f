using System.Net;
using CharterTracker.Access;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Activities;

/// <summary>
/// An edit or a withdrawal names the version the editor read; without it the last writer would silently win.
/// </summary>
public sealed class RequiredVersionTests
{
    private TestApp _app = null!;
    private HttpClient _focalPoint = null!;
    private long _agency;

    [OneTimeSetUp]
    public async Task Start()
    {
        _app = await TestApp.StartAsync();
        (_, var agencies) = await new Given(_app).MinistryWithAsync(1);
        _agency = agencies[0];
        _focalPoint = await _app.AsNewUserAsync("fp", Role.FocalPoint, _agency);
    }

    [OneTimeTearDown]
    public async Task Stop() => await _app.DisposeAsync();

    [TestCaseSource(typeof(RecordKinds), nameof(RecordKinds.All))]
    public async Task An_edit_without_the_version_is_a_400_naming_it_and_changes_nothing(string kind)
    {
        var body = RecordKinds.SampleFor(kind);
        var record = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agency}/{kind}", body, HttpStatusCode.Created);
        var before = Sql.Snapshot(_app);

        var problem = await _focalPoint.PutJsonAsync($"/api/v1/{kind}/{record.Id()}", body.With("hasEvidence", false), HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "version" }));
        Assert.That(Sql.Snapshot(_app), Is.EqualTo(before));
        var edited = await _focalPoint.PutJsonAsync($"/api/v1/{kind}/{record.Id()}", body.With("hasEvidence", false).With("version", 1), HttpStatusCode.OK);
        Assert.That(edited.GetProperty("version").GetInt32(), Is.EqualTo(2), "with the version it read, the editor's change is saved");
    }

    [TestCaseSource(typeof(RecordKinds), nameof(RecordKinds.All))]
    public async Task A_withdrawal_without_the_version_is_a_400_naming_it_and_changes_nothing(string kind)
    {
        var record = await _focalPoint.PostJsonAsync($"/api/v1/offices/{_agency}/{kind}", RecordKinds.SampleFor(kind), HttpStatusCode.Created);
        var before = Sql.Snapshot(_app);

        var problem = await _focalPoint.PostJsonAsync($"/api/v1/{kind}/{record.Id()}/withdraw", new { reason = "Entered twice" }, HttpStatusCode.BadRequest);

        Assert.That(problem.ErrorFields(), Is.EqualTo(new[] { "version" }));
        Assert.That(Sql.Snapshot(_app), Is.EqualTo(before));
        await _focalPoint.PostJsonAsync($"/api/v1/{kind}/{record.Id()}/withdraw", new { reason = "Entered twice", version = 1 }, HttpStatusCode.OK);
    }
}
