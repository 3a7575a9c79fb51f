using CharterTracker.Data;
using CharterTracker.Deadlines;
using Hangfire;
using Hangfire.AspNetCore;
using Hangfire.Common;
using Hangfire.SqlServer;
using Hangfire.Storage;
using Hangfire.Storage.SQLite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace CharterTracker.Scheduling;

/// <summary>
/// Hangfire runs the jobs of <see cref="JobSchedule"/>. Storage by database: SQL Server → Hangfire.SqlServer in the
/// application's database (schema <c>HangFire</c>, installed by the <c>migrate</c> verb, never by a node at start-up);
/// SQLite → Hangfire.Storage.SQLite in a file of its own beside the application's (never in it). SQLite is a one-node
/// setup: with several processes on one Hangfire SQLite file a job can run twice (its queue has no cross-process claim).
///
/// Everything Hangfire needs is registered in this container rather than in Hangfire's static GlobalConfiguration
/// (storage, activator, filters), so that two hosts in one process (the tests) do not share a storage or filters.
/// </summary>
public static class SchedulingRegistration
{
    public static IServiceCollection AddCharterScheduling(this IServiceCollection services, IConfiguration charterSection, CharterOptions charter)
    {
        var section = charterSection.GetSection(SchedulingOptions.Section);
        var options = section.Get<SchedulingOptions>() ?? new SchedulingOptions();
        var provider = charterSection.GetSection("Database").Get<DatabaseOptions>()?.Provider ?? Dialect.Sqlite;
        services.Configure<SchedulingOptions>(section);
        services.Configure<ReminderOptions>(charterSection.GetSection(ReminderOptions.Section));
        services.Configure<SmtpOptions>(charterSection.GetSection(SmtpOptions.Section));
        services.AddSingleton<SmtpMailer>();

        // Job classes registered explicitly, so a missing dependency fails at start-up (ValidateOnBuild), not at 00:05.
        foreach (var job in JobSchedule.All) services.AddScoped(job.JobType);
        services.AddScoped<JobRunStore>();

        // TryAdd: a host may bring its own storage (tests that are not about the jobs use Hangfire.InMemory).
        services.TryAddSingleton<JobStorage>(container => CreateStorage(container, options));
        services.AddSingleton<JobActivator>(container => new AspNetCoreJobActivator(container.GetRequiredService<IServiceScopeFactory>()));
        services.AddSingleton<IJobFilterProvider>(_ => new JobFilterProviderCollection(new JobFilterAttributeFilterProvider(), Filters(options)));
        services.AddHangfire((container, configuration) => configuration
            .UseLogProvider(new HostLogProvider(container.GetRequiredService<ILoggerFactory>()))
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings());

        var zone = TimeZoneInfo.FindSystemTimeZoneById(charter.TimeZone);
        services.AddHostedService(container => ActivatorUtilities.CreateInstance<JobScheduleKeeper>(container, zone));
        // A web-only node on SQL Server runs no server: its "run now" waits in the shared storage for a node that does.
        // On SQLite this node is the only one, so it always works the queue.
        if (options.Enabled || provider == Dialect.Sqlite)
        {
            services.AddHangfireServer((_, server) =>
            {
                server.WorkerCount = Math.Max(1, options.Workers);
                server.SchedulePollingInterval = options.PollInterval;
            });
        }
        return services;
    }

    /// <summary>
    /// Retries by Hangfire's AutomaticRetry (<c>MaxAttempts</c> tries in all, <c>RetryDelay</c> doubling), the runs'
    /// book and retention, and Hangfire's own statistics and continuations (its default global filters, less the
    /// culture capture, which our jobs do not need, and its default retry of 10 attempts).
    /// </summary>
    private static JobFilterCollection Filters(SchedulingOptions options)
    {
        var retries = Math.Max(0, options.MaxAttempts - 1);
        var first = Math.Max(1, (int)Math.Ceiling(options.RetryDelay.TotalSeconds));
        var filters = new JobFilterCollection();
        filters.Add(new AutomaticRetryAttribute
        {
            Attempts = retries,
            DelaysInSeconds = retries == 0 ? [first] : Enumerable.Range(0, retries).Select(n => first << Math.Min(n, 16)).ToArray(),
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
        filters.Add(new JobRunBook(options.History));
        filters.Add(new StatisticsHistoryAttribute());
        filters.Add(new ContinuationsSupportAttribute());
        return filters;
    }

    private static JobStorage CreateStorage(IServiceProvider container, SchedulingOptions options)
    {
        var database = container.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (database.Provider == Dialect.SqlServer)
        {
            return new SqlServerStorage(database.ConnectionString, new SqlServerStorageOptions
            {
                SchemaName = options.SqlServerSchema,
                PrepareSchemaIfNecessary = false, // the migrate verb installs Hangfire's objects (MigrateJobStorageAsync)
                SqlClientFactory = Microsoft.Data.SqlClient.SqlClientFactory.Instance,
            });
        }
        var file = SqliteFile(container, options);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(file))!);
        return new SQLiteStorage(file, new SQLiteStorageOptions
        {
            QueuePollInterval = options.PollInterval,
            InvisibilityTimeout = options.SqliteInvisibilityTimeout,
        });
    }

    /// <summary><c>Charter:Scheduling:SqliteFile</c>, else <c>hangfire.db</c> in the folder of the application's SQLite file.</summary>
    public static string SqliteFile(IServiceProvider container, SchedulingOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.SqliteFile)) return options.SqliteFile;
        var application = container.GetRequiredService<DbConnectionFactory>().SqliteFile ?? Path.Combine("data", "chartertracker.db");
        return Path.Combine(Path.GetDirectoryName(application) ?? "", "hangfire.db");
    }

    /// <summary>
    /// Installs or upgrades Hangfire's objects in the SQL Server database (schema <c>Charter:Scheduling:SqlServerSchema</c>):
    /// part of the <c>migrate</c> verb, the one deliberate schema step. Hangfire's installer is idempotent and takes an
    /// application lock, so two nodes migrating at once are safe. Nothing to do on SQLite (its storage keeps its own file).
    /// </summary>
    public static async Task MigrateJobStorageAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        var connections = services.GetRequiredService<DbConnectionFactory>();
        if (connections.Dialect != Dialect.SqlServer) return;
        var schema = services.GetRequiredService<IOptions<SchedulingOptions>>().Value.SqlServerSchema;
        await using var connection = await connections.OpenAsync(cancellationToken);
        SqlServerObjectsInstaller.Install(connection, schema, enableHeavyMigrations: false);
    }
}

/// <summary>
/// At start-up, makes the recurring jobs in the storage what <see cref="JobSchedule"/> says: each job's cron in
/// <c>Charter:TimeZone</c>, misfires Relaxed (after downtime a missed occurrence runs once, not once per missed
/// occurrence: every command already catches up every past period from the data); jobs no longer in the table are
/// removed. A node with the scheduler off leaves the shared SQL Server schedule to the nodes that run it; on SQLite
/// (one node) it removes the schedule, so nothing fires on its own.
/// </summary>
public sealed class JobScheduleKeeper(
    IRecurringJobManagerV2 recurring, JobStorage storage, IOptions<SchedulingOptions> scheduling, DbConnectionFactory connections, TimeZoneInfo zone)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!scheduling.Value.Enabled && connections.Dialect == Dialect.SqlServer) return Task.CompletedTask;
        var scheduled = scheduling.Value.Enabled ? JobSchedule.All : [];
        foreach (var job in scheduled)
        {
            recurring.AddOrUpdate(job.Name, job.Call(null), job.Cron, new RecurringJobOptions { TimeZone = zone, MisfireHandling = MisfireHandlingMode.Relaxed });
        }
        using var connection = storage.GetConnection();
        foreach (var stale in connection.GetRecurringJobs().Select(r => r.Id).Where(id => scheduled.All(job => job.Name != id)))
        {
            recurring.RemoveIfExists(stale);
        }
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
