namespace CharterTracker.Tests.Support;

/// <summary>A clock the test sets. Time only moves when the test moves it.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset _now;

    public TestClock(DateTimeOffset now) => _now = now;

    /// <summary>Noon in Dhaka on the given day.</summary>
    public static TestClock At(int year, int month, int day) => new(new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(6)));

    public override DateTimeOffset GetUtcNow() => _now;

    public void Set(DateTimeOffset now) => _now = now;

    public void SetDhakaDate(int year, int month, int day) => _now = new DateTimeOffset(year, month, day, 12, 0, 0, TimeSpan.FromHours(6));
}
