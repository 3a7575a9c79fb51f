using System.Diagnostics;
using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Data;
using Dapper;
using MediatR;

namespace CharterTracker.Demo.National;

/// <summary>
/// The national data set (the verb <c>generate-national</c>, and what the benchmarks measure): in a folder, a SQLite
/// database of <see cref="NationalOfficeTree"/> (25,000 offices named after Bangladesh's divisions, districts and
/// upazilas by default), the year 2024-25 of <see cref="NationalYearOfRecords"/>, the plan cloned into 2025-26, a focal
/// point at every office (<c>fp-</c> and the office code), follow-ups decided at one meeting in ten, and the users
/// <c>committee</c> (the ministry), <c>department.fp</c> (the first department) and <c>upazila.fp</c> (a leaf office),
/// all with <see cref="Password"/>, as is <c>admin</c>. Start the app on it with <see cref="Settings"/>.
/// </summary>
public static class NationalDataSet
{
    public const string Password = "National@2024-25";

    public sealed record Facts(long MinistryId, long DepartmentId, long DistrictId, long LeafId, TimeSpan BuildTime);

    public static string DatabaseFile(string directory) => Path.Combine(directory, "national.db");

    /// <summary>Settings of the app over the folder (what <c>Charter__…</c> variables would say when it is started by hand).</summary>
    public static Dictionary<string, string?> Settings(string directory) => new()
    {
        ["Charter:Database:Provider"] = "Sqlite",
        ["Charter:Database:ConnectionString"] = $"Data Source={DatabaseFile(directory)}",
        ["Charter:KeysDirectory"] = Path.Combine(directory, "keys"),
        ["Charter:Documents:Directory"] = Path.Combine(directory, "documents"),
        ["Charter:Evidence:Directory"] = Path.Combine(directory, "evidence"),
        ["Charter:BootstrapAdminPassword"] = Password,
        ["Charter:DemoData"] = "false",
        ["Charter:Scheduling:Enabled"] = "false",
        ["Logging:LogLevel:Default"] = "Warning",
    };

    /// <param name="app">The app over the folder (<see cref="Settings"/>), not yet initialised.</param>
    /// <param name="initialise">Its initialisation (CharterApp.InitialiseAsync): the administrator, the built-in plan, 2024-25's read model.</param>
    public static async Task<Facts> CreateAsync(string directory, int offices, int seed, Func<WebApplication> app, Func<WebApplication, Task> initialise)
    {
        var watch = Stopwatch.StartNew();
        TypeHandlers.Register();
        Directory.CreateDirectory(directory);
        var factory = new DbConnectionFactory(Dialect.Sqlite, $"Data Source={DatabaseFile(directory)}");
        var tree = await NationalOfficeTree.CreateAsync(factory, offices);
        await NationalYearOfRecords.InsertAsync(factory, seed);

        var facts = await FactsAsync(factory, tree.MinistryId, tree.DepartmentId);
        await using (var host = app())
        {
            await initialise(host);
            await using (var connection = await factory.OpenAsync())
            {
                await using var transaction = await connection.BeginTransactionAsync();
                var hash = Passwords.Hash(Password);
                const string Created = "2024-06-01T00:00:00.0000000Z";
                await connection.ExecuteAsync(
                    """
                    INSERT INTO Users (Username, PasswordHash, DisplayName, Role, OfficeId, Email, Language, Active, CreatedAtUtc)
                    SELECT 'fp-' || o.Code, @hash, 'ফোকাল পয়েন্ট · Focal point ' || o.Code, 'FocalPoint', o.Id, NULL, 'bn', 1, @Created FROM Offices o;
                    INSERT INTO FocalPointAssignments (UserId, OfficeId, ValidFrom, ValidUntil, CreatedAtUtc)
                    SELECT u.Id, u.OfficeId, '2024-07-01', NULL, @Created FROM Users u WHERE u.Role = 'FocalPoint';
                    """, new { hash, Created }, transaction);
                // One meeting in ten decided a follow-up for its own office, due a month later; half of them are done.
                await connection.ExecuteAsync(
                    """
                    INSERT INTO FollowUps (MeetingId, AgendaSeq, Action, OwnerOfficeId, DueOn, Status, DoneOn, DoneNote, CreatedAtUtc)
                    SELECT m.Id, 1, 'হালনাগাদকৃত সেবা প্রদান প্রতিশ্রুতি ওয়েবসাইটে প্রকাশ', m.OfficeId, date(m.HeldOn, '+30 days'),
                           CASE WHEN m.Id % 20 = 0 THEN 'Done' ELSE 'Open' END, CASE WHEN m.Id % 20 = 0 THEN date(m.HeldOn, '+20 days') END, NULL, @Created
                    FROM Meetings m WHERE m.Id % 10 = 0
                    """, new { Created }, transaction);
                await transaction.CommitAsync();
            }

            await using var scope = host.Services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            await mediator.Send(new CloneActionPlanCommand { FiscalYear = "2024-25", ToFiscalYear = "2025-26" });
            await mediator.Send(new RegisterUserCommand { Username = "committee", Password = Password, DisplayName = "Monitoring Committee", Role = Role.MonitoringCommittee, OfficeId = facts.MinistryId, Language = "en" });
            await mediator.Send(new RegisterUserCommand { Username = "department.fp", Password = Password, DisplayName = "Department focal point", Role = Role.FocalPoint, OfficeId = facts.DepartmentId, Language = "en" });
            await mediator.Send(new RegisterUserCommand { Username = "upazila.fp", Password = Password, DisplayName = "Upazila focal point", Role = Role.FocalPoint, OfficeId = facts.LeafId, Language = "bn" });
        }
        await using (var connection = await factory.OpenAsync())
        {
            await connection.ExecuteAsync("PRAGMA wal_checkpoint(TRUNCATE); ANALYZE;", commandTimeout: 600);
        }
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return facts with { BuildTime = watch.Elapsed };
    }

    public static async Task<Facts> FactsAsync(DbConnectionFactory factory, long ministryId, long departmentId)
    {
        await using var connection = await factory.OpenAsync();
        var department = await connection.QuerySingleAsync<string>("SELECT Path FROM Offices WHERE Id = @departmentId", new { departmentId });
        var district = await connection.ExecuteScalarAsync<long>(
            "SELECT MIN(Id) FROM Offices WHERE Kind = 'DistrictOffice' AND Path LIKE @prefix", new { prefix = department + "%" });
        var leaf = await connection.ExecuteScalarAsync<long>("SELECT MIN(Id) FROM Offices WHERE ParentId = @district", new { district });
        return new Facts(ministryId, departmentId, district, leaf, TimeSpan.Zero);
    }
}
