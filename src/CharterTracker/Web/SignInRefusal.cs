using System.Threading.RateLimiting;
using CharterTracker.Access;
using CharterTracker.Pipeline;
using Microsoft.AspNetCore.RateLimiting;

namespace CharterTracker.Web;

/// <summary>ASP.NET Core's rate limiter in front of the sign-in routes: a flood guard per client address.</summary>
public static class SignInRateLimiting
{
    public const string Policy = SignInThrottle.RateLimitPolicy;

    public static IServiceCollection AddSignInRateLimiting(this IServiceCollection services, IConfigurationSection section)
    {
        services.Configure<SignInOptions>(section);
        services.AddScoped<SignInThrottle>();
        var perMinute = Math.Max(1, section.Get<SignInOptions>()?.AttemptsPerMinutePerAddress ?? new SignInOptions().AttemptsPerMinutePerAddress);
        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(Policy, http => RateLimitPartition.GetFixedWindowLimiter(
                http.Connection.RemoteIpAddress?.ToString() ?? "",
                _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 }));
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var after) ? after : TimeSpan.FromMinutes(1);
                await SignInRefusal.WriteAsync(context.HttpContext, new TooManyRequestsException(Say.Text(
                    "এই ঠিকানা থেকে প্রবেশের চেষ্টা অনেক বেশি: এক মিনিট পরে আবার চেষ্টা করুন।",
                    "Too many sign-in attempts from this address: try again in a minute."), retryAfter));
            };
        });
        return services;
    }
}

/// <summary>How a refused sign-in is answered: the API with problem details, the form with itself and the message; both 429 with Retry-After.</summary>
public static class SignInRefusal
{
    public static async Task WriteAsync(HttpContext http, TooManyRequestsException refusal)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        http.Response.Headers.RetryAfter = refusal.RetryAfterSeconds;
        if (http.Request.Path.StartsWithSegments("/api"))
        {
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http, ProblemDetails = ProblemDetailsMapper.ToProblem(refusal), Exception = refusal,
            });
            return;
        }
        http.Response.ContentType = "text/html; charset=utf-8";
        await http.Response.WriteAsync(LoginPage.Html(http, null, LoginPage.Message.TooManyFailures));
    }
}
