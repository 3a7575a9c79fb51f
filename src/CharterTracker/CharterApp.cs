using CharterTracker.Access;
using CharterTracker.ActionPlans;
using CharterTracker.Scoring;
using CharterTracker.Activities;
using CharterTracker.CharterUpdates;
using CharterTracker.Documents;
using CharterTracker.Evidence;
using CharterTracker.Meetings;
using CharterTracker.Monitoring;
using CharterTracker.Reports;
using CharterTracker.SpotChecks;
using CharterTracker.Trainings;
using CharterTracker.Auditing;
using CharterTracker.Calendar;
using CharterTracker.Data;
using CharterTracker.Demo;
using CharterTracker.Kaizen;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using CharterTracker.QualitySystems;
using CharterTracker.Scheduling;
using CharterTracker.Deadlines;
using CharterTracker.Web;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.OpenApi;

namespace CharterTracker;

/// <summary>The composition root: one executable serves the API, the web pages and the scheduled jobs (Hangfire, Scheduling/).</summary>
public static class CharterApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        configure?.Invoke(builder);
        var services = builder.Services;
        var section = builder.Configuration.GetSection(CharterOptions.Section);
        var options = section.Get<CharterOptions>() ?? new CharterOptions();

        services.Configure<CharterOptions>(section);
        services.Configure<DatabaseOptions>(section.GetSection("Database"));
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<FiscalCalendar>();

        TypeHandlers.Register();
        services.AddSingleton<DbConnectionFactory>();
        services.AddSingleton<MigrationRunner>();
        services.AddScoped<DbSession>();

        services.AddScoped<CurrentUser>();
        services.AddScoped<AccessPolicy>();
        services.AddSingleton<AuditLog>();
        services.AddScoped<OfficeStore>();
        services.AddScoped<RecordLifecycle>();
        services.AddScoped<MeetingStore>();
        services.AddScoped<CharterTracker.Charters.CharterStore>();
        services.AddScoped<ActionPlanStore>();
        services.AddSingleton<ActionPlanCache>();
        services.AddScoped<ScoringData>();
        services.AddSingleton<OfficeTreeCache>();
        services.AddScoped<ScoreRefresher>();
        services.AddScoped<IBeforeCommit>(provider => provider.GetRequiredService<ScoreRefresher>());
        services.AddScoped<ChangedPeriods>();
        services.AddScoped<QualityScoring>();
        services.Configure<DocumentOptions>(section.GetSection("Documents"));
        services.AddSingleton<ChromiumPdfPrinter>();
        services.AddHostedService<DocumentPrinterCheck>();
        services.AddScoped<DocumentHtml>();
        services.AddScoped<DocumentPublisher>();
        services.AddScoped<SpotCheckStore>();
        services.Configure<EvidenceOptions>(section.GetSection("Evidence"));
        services.AddSingleton<EvidenceStore>();
        services.AddScoped<EvidenceAccess>();
        services.AddScoped<Awards.AwardStore>();
        services.AddScoped<Awards.AwardAccess>();
        services.AddScoped<BootstrapAdmin>();
        services.AddScoped<DemoData>();
        services.AddScoped<DemoYear>();
        services.AddScoped<DemoAwards>();
        services.AddScoped<DemoKaizen>();
        services.AddScoped<DemoCharters>();
        services.AddCharterMediator();
        services.AddCharterScheduling(section, options);
        FluentValidation.ValidatorOptions.Global.LanguageManager.Enabled = false;

        var keys = string.IsNullOrWhiteSpace(options.KeysDirectory) ? Path.Combine("data", "keys") : options.KeysDirectory;
        services.AddCharterAuthentication(options, keys);
        services.AddSignInRateLimiting(section.GetSection(SignInOptions.Section));
        services.AddCharterSecurityHeaders(section.GetSection("ForwardedHeaders"));

        services.Configure<JsonOptions>(json => ApiJson.Configure(json.SerializerOptions));
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        services.AddProblemDetails();
        // Web forms carry a token that only our pages can produce; the cookie alone does not let another site post.
        services.AddAntiforgery(antiforgery =>
        {
            antiforgery.Cookie.Name = "ct-af";
            antiforgery.FormFieldName = "__RequestVerificationToken";
            antiforgery.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });
        services.AddExceptionHandler<ProblemDetailsMapper>();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info = new OpenApiInfo { Title = "CharterTracker API", Version = "v1", Description = "Citizen Charter (সেবা প্রদান প্রতিশ্রুতি) monitoring." };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "Token from POST /api/v1/auth/token",
            };
            document.Security ??= [];
            document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
            return Task.CompletedTask;
        }));

        var app = builder.Build();
        app.UseCharterSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseMiddleware<CurrentUserMiddleware>();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        app.MapOpenApi().AllowAnonymous();
        app.UseSwaggerUI(ui =>
        {
            ui.SwaggerEndpoint("/openapi/v1.json", "CharterTracker v1");
            ui.RoutePrefix = "swagger";
        });

        app.MapAccessEndpoints();
        app.MapWebAssets();
        app.MapLoginPage();
        app.MapWebPages();
        app.MapOfficesEndpoints();
        app.MapAuditEndpoints();
        app.MapEvidenceEndpoints();
        app.MapCharterUpdatesEndpoints();
        CharterTracker.Charters.ChartersEndpoints.MapChartersEndpoints(app);
        app.MapMeetingsEndpoints();
        app.MapTrainingsEndpoints();
        app.MapReportsEndpoints();
        app.MapKaizenEndpoints();
        app.MapActionPlansEndpoints();
        app.MapScoringEndpoints();
        app.MapMonitoringEndpoints();
        app.MapDocumentsEndpoints();
        app.MapJobsEndpoints();
        app.MapDeadlinesEndpoints();
        Awards.AwardsEndpoints.MapAwardsEndpoints(app);
        app.MapSpotChecksEndpoints();
        app.MapPublicDocumentsEndpoints();
        app.MapQualitySystemsEndpoints();
        return app;
    }

    /// <summary>
    /// Before the first request: migrate (always on SQLite; on SQL Server only when asked, the <c>migrate</c> verb
    /// being the deliberate step), create the bootstrap admin, load the demo data if asked.
    /// </summary>
    public static async Task InitialiseAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        var database = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DatabaseOptions>>().Value;
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CharterOptions>>().Value;
        if (database.Provider == Dialect.Sqlite || database.MigrateOnStartup)
        {
            await app.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
            await app.Services.MigrateJobStorageAsync(cancellationToken);
        }

        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        await BuiltInPlans.EnsureStoredAsync(scope.ServiceProvider, cancellationToken);
        foreach (var year in await scope.ServiceProvider.GetRequiredService<ScoreRefresher>().RebuildOutdatedAsync(cancellationToken))
        {
            app.Logger.LogInformation("Rebuilt the scores of {FiscalYear} for this version's read model.", year);
        }
        var bootstrapped = await scope.ServiceProvider.GetRequiredService<BootstrapAdmin>().CreateIfNoUsersAsync(options.BootstrapAdminPassword, cancellationToken);
        if (bootstrapped) app.Logger.LogInformation("Created the bootstrap administrator '{Username}'.", BootstrapAdmin.Username);
        if (options.DemoData && await scope.ServiceProvider.GetRequiredService<DemoData>().LoadIfEmptyAsync(cancellationToken))
        {
            app.Logger.LogInformation("Loaded the demo data set.");
        }
    }
}
