using CharterTracker.Access;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace CharterTracker.Tests.Support;

/// <summary>Sends a request through the app's own pipeline as the scheduled jobs do: a scope of its own, acting as the system user.</summary>
public static class SystemCommands
{
    public static async Task<T> SendAsSystemAsync<T>(this TestApp app, IRequest<T> request)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().ActAsSystem();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
    }

    /// <summary>An instant given in Dhaka's local time (UTC+6).</summary>
    public static DateTimeOffset Dhaka(int year, int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new(year, month, day, hour, minute, second, TimeSpan.FromHours(6));
}
