namespace CharterTracker.QualitySystems;

/// <summary>Where a quality system comes from: the ISO standard, the P.S.O. public-sector standard, or the office itself.</summary>
public enum QualityStandard
{
    Iso,
    Pso,
    Own,
}

/// <summary>A system an office can adopt as it is named here (reference data, in both languages).</summary>
public sealed record CatalogSystem(string Code, QualityStandard Standard, string NameBn, string NameEn);

/// <summary>
/// The built-in quality systems: ISO 9001, and the ten core systems of the P.S.O. standard (Thailand International
/// Public Sector Standard Management System and Outcomes), of which a unit adopts any number, each with indicators it
/// defines itself. An office's own system has the code <see cref="Own"/> and the name the office gives it.
/// </summary>
public static class QualitySystemCatalog
{
    public const string Own = "OWN";

    public static readonly IReadOnlyList<CatalogSystem> Systems =
    [
        new("ISO9001", QualityStandard.Iso, "আইএসও ৯০০১ মান ব্যবস্থাপনা পদ্ধতি", "ISO 9001 quality management system"),
        new("PSO-01", QualityStandard.Pso, "পিএসও: তথ্য ব্যবস্থা", "P.S.O.: information system"),
        new("PSO-02", QualityStandard.Pso, "পিএসও: যোগাযোগ ব্যবস্থা", "P.S.O.: communication system"),
        new("PSO-03", QualityStandard.Pso, "পিএসও: সিদ্ধান্ত গ্রহণ ব্যবস্থা", "P.S.O.: decision-making system"),
        new("PSO-04", QualityStandard.Pso, "পিএসও: জনবল উন্নয়ন ব্যবস্থা", "P.S.O.: personnel development system"),
        new("PSO-05", QualityStandard.Pso, "পিএসও: নিরীক্ষা ও ভারসাম্য ব্যবস্থা", "P.S.O.: checks and balances system"),
        new("PSO-06", QualityStandard.Pso, "পিএসও: অংশগ্রহণ ব্যবস্থা", "P.S.O.: participation system"),
        new("PSO-07", QualityStandard.Pso, "পিএসও: বেসরকারি খাত ও জনগণকে সেবা প্রদান ব্যবস্থা", "P.S.O.: service to the private sector and the public"),
        new("PSO-08", QualityStandard.Pso, "পিএসও: মূল্যায়ন ব্যবস্থা", "P.S.O.: evaluation system"),
        new("PSO-09", QualityStandard.Pso, "পিএসও: সংকট পূর্বাভাস ও সমাধান ব্যবস্থা", "P.S.O.: crisis forecasting and resolution system"),
        new("PSO-10", QualityStandard.Pso, "পিএসও: সংস্কৃতি ও পেশাগত নৈতিকতা ব্যবস্থা", "P.S.O.: culture and professional ethics system"),
    ];

    public static CatalogSystem? Find(string? code) => Systems.FirstOrDefault(s => string.Equals(s.Code, code, StringComparison.Ordinal));

    public static bool IsKnown(string? code) => code == Own || Find(code) is not null;

    /// <summary>The names an office's own systems are grouped under where systems are counted across offices.</summary>
    public static readonly CatalogSystem OwnSystems = new(Own, QualityStandard.Own, "দপ্তরের নিজস্ব ব্যবস্থা", "Offices' own systems");
}
