namespace CharterTracker;

/// <summary>The <c>Charter</c> configuration section (environment variables <c>Charter__…</c>). Database settings are <c>Charter:Database</c>.</summary>
public sealed class CharterOptions
{
    public const string Section = "Charter";

    /// <summary>On first start against an empty database, user <c>admin</c> (SystemAdmin, no office) gets this password.</summary>
    public string? BootstrapAdminPassword { get; set; }

    /// <summary>Load the demo data set into an empty database.</summary>
    public bool DemoData { get; set; }

    /// <summary>IANA id; every "today" and every deadline is a calendar date in this zone.</summary>
    public string TimeZone { get; set; } = "Asia/Dhaka";

    /// <summary>1..12; July in Bangladesh, October in Thailand.</summary>
    public int FiscalYearStartMonth { get; set; } = 7;

    /// <summary>How long an API bearer token lives.</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(8);

    /// <summary>Where Data Protection keys (which sign tokens and cookies) are kept; empty: <c>data/keys</c> beside the SQLite file's default.</summary>
    public string? KeysDirectory { get; set; }
}
