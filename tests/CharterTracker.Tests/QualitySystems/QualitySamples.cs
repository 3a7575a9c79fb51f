namespace CharterTracker.Tests.QualitySystems;

/// <summary>Valid request bodies for the quality systems routes, to vary in a test.</summary>
public static class QualitySamples
{
    public static Dictionary<string, object?> Adoption(string systemCode = "ISO9001", string adoptedOn = "2024-07-01") => new()
    {
        ["systemCode"] = systemCode,
        ["adoptedOn"] = adoptedOn,
    };

    public static Dictionary<string, object?> Indicator(long qualitySystemId, string code = "ISO-1", string unit = "Percent", string aggregation = "Average",
        decimal weight = 2, decimal at100 = 90, string direction = "HigherIsBetter", string frequency = "Quarterly") => new()
    {
        ["qualitySystemId"] = qualitySystemId,
        ["code"] = code,
        ["nameBn"] = "৭ দিনের মধ্যে নিষ্পত্তিকৃত অভিযোগ",
        ["nameEn"] = "Complaints resolved within 7 days",
        ["unit"] = unit,
        ["frequency"] = frequency,
        ["aggregation"] = aggregation,
        ["direction"] = direction,
        ["weight"] = weight,
        ["targets"] = new Dictionary<string, object?> { ["at100"] = at100 },
    };

    public static Dictionary<string, object?> Value(object value, bool hasEvidence = true) => new()
    {
        ["value"] = value,
        ["hasEvidence"] = hasEvidence,
    };
}
