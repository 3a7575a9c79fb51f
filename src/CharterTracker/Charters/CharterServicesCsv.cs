using System.Globalization;
using CharterTracker.Pipeline;
using CsvHelper;
using CsvHelper.Configuration;

namespace CharterTracker.Charters;

/// <summary>
/// A charter's services as CSV, one row per service, in the order printed. Each heading is bilingual with the API's
/// field name last ("সেবার নাম (বাংলা) / nameBn"); on import a heading is matched by that name, so a sheet headed with
/// the bare names (nameBn, fee, …) imports too. <c>serviceId</c> keeps a service's identity when the file comes back.
/// </summary>
public static class CharterServicesCsv
{
    public sealed record Column(string Key, string Bn, string En, Func<CharterService, string?> Value);

    public static readonly Column[] Columns =
    [
        new("serviceId", "সেবার পরিচিতি", "Service id", s => s.ServiceId?.ToString(CultureInfo.InvariantCulture)),
        new("category", "সেবার ধরন", "Category", s => s.Category?.ToString()),
        new("nameBn", "সেবার নাম (বাংলা)", "Service (Bengali)", s => s.NameBn),
        new("nameEn", "সেবার নাম (ইংরেজি)", "Service (English)", s => s.NameEn),
        new("method", "সেবা প্রদান পদ্ধতি", "How it is delivered", s => s.Method),
        new("methodEn", "সেবা প্রদান পদ্ধতি (ইংরেজি)", "How it is delivered (English)", s => s.MethodEn),
        new("documents", "প্রয়োজনীয় কাগজপত্র ও প্রাপ্তিস্থান", "Documents and where to get them", s => s.Documents),
        new("documentsEn", "প্রয়োজনীয় কাগজপত্র (ইংরেজি)", "Documents (English)", s => s.DocumentsEn),
        new("fee", "সেবার মূল্য ও পরিশোধ পদ্ধতি", "Fee and how to pay", s => s.Fee),
        new("feeEn", "সেবার মূল্য (ইংরেজি)", "Fee (English)", s => s.FeeEn),
        new("timeLimit", "সেবা প্রদানের সময়সীমা", "Time limit", s => s.TimeLimit),
        new("timeLimitEn", "সময়সীমা (ইংরেজি)", "Time limit (English)", s => s.TimeLimitEn),
        new("officerName", "দায়িত্বপ্রাপ্ত কর্মকর্তার নাম", "Responsible officer", s => s.Officer?.Name),
        new("officerNameEn", "কর্মকর্তার নাম (ইংরেজি)", "Officer (English)", s => s.Officer?.NameEn),
        new("officerDesignation", "পদবি", "Designation", s => s.Officer?.Designation),
        new("officerDesignationEn", "পদবি (ইংরেজি)", "Designation (English)", s => s.Officer?.DesignationEn),
        new("officerPhone", "ফোন", "Phone", s => s.Officer?.Phone),
        new("officerEmail", "ই-মেইল", "E-mail", s => s.Officer?.Email),
    ];

    /// <summary>The API field a validation error names, as the column it came from (services[3].officer.name → officerName).</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["officer.name"] = "officerName", ["officer.nameEn"] = "officerNameEn", ["officer.designation"] = "officerDesignation",
        ["officer.designationEn"] = "officerDesignationEn", ["officer.phone"] = "officerPhone", ["officer.email"] = "officerEmail",
        ["officer"] = "officerName",
    };

    public static string Write(IEnumerable<CharterService> services)
    {
        var csv = new CsvTable();
        csv.Line(Columns.Select(c => $"{c.Bn} / {c.En} / {c.Key}"));
        foreach (var service in services) csv.Line(Columns.Select(c => c.Value(service)));
        return csv.ToString();
    }

    /// <summary>The file's services with the line each came from, and every error of every line (keyed <c>lines[N].column</c>).</summary>
    public static (List<(int Line, CharterService Service)> Rows, Dictionary<string, List<string>> Errors) Read(string text)
    {
        var rows = new List<(int, CharterService)>();
        var errors = new Dictionary<string, List<string>>();
        void Error(string key, string message) => (errors.TryGetValue(key, out var list) ? list : errors[key] = []).Add(message);

        using var reader = new CsvReader(new StringReader(text.TrimStart('\uFEFF')), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim, MissingFieldFound = null, BadDataFound = null, DetectDelimiter = false,
        });
        if (!reader.Read() || !reader.ReadHeader())
        {
            Error("lines[1].header", Say.Text("ফাইলটি খালি; প্রথম লাইনে কলামের শিরোনাম থাকবে।", "The file is empty; the first line holds the column headings."));
            return (rows, errors);
        }
        var header = (reader.HeaderRecord ?? []).Select(h => h.Split('/').Last().Trim()).ToArray();
        var required = new[] { "category", "nameBn", "method", "documents", "fee", "timeLimit", "officerName", "officerDesignation" };
        var missing = required.Where(key => !header.Contains(key, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            Error("lines[1].header", Say.Text($"কলাম নেই: {string.Join(", ", missing)}", $"Missing column(s): {string.Join(", ", missing)}."));
            return (rows, errors);
        }
        string? Field(string key)
        {
            var index = Array.FindIndex(header, h => h.Equals(key, StringComparison.OrdinalIgnoreCase));
            var value = index < 0 ? null : reader.GetField(index);
            // A cell the export guarded against formulas ('=…) comes back as it was written.
            if (value is ['\'', '=' or '+' or '-' or '@', ..]) value = value[1..];
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
        while (reader.Read())
        {
            var line = reader.Parser.RawRow;
            var values = Columns.ToDictionary(c => c.Key, c => Field(c.Key));
            if (values.Values.All(v => v is null)) continue; // a blank line
            if (rows.Count >= CharterContentValidator.MaxServices)
            {
                Error($"lines[{line}].nameBn", Say.Text($"সর্বোচ্চ {Calendar.BengaliDigits.ToBengali(CharterContentValidator.MaxServices)}টি সেবা।", $"A charter lists at most {CharterContentValidator.MaxServices} services."));
                break;
            }
            long? serviceId = null;
            if (values["serviceId"] is { } idText)
            {
                if (long.TryParse(Calendar.BengaliDigits.ToLatin(idText), NumberStyles.None, CultureInfo.InvariantCulture, out var id)) serviceId = id;
                else Error($"lines[{line}].serviceId", Say.Text("সেবার পরিচিতি একটি সংখ্যা (বা খালি)।", "The service id is a number (or empty)."));
            }
            ServiceCategory? category = values["category"] is { } categoryText ? CategoryOf(categoryText) : null;
            if (values["category"] is { } written && category is null)
            {
                Error($"lines[{line}].category", Say.Text($"'{written}' সেবার ধরন নয়: নাগরিক, প্রাতিষ্ঠানিক, অভ্যন্তরীণ বা আওতাধীন দপ্তর।",
                    $"'{written}' is not a category: {string.Join(", ", Enum.GetNames<ServiceCategory>())}."));
            }
            rows.Add((line, new CharterService
            {
                ServiceId = serviceId, Category = category, NameBn = values["nameBn"], NameEn = values["nameEn"],
                Method = values["method"], MethodEn = values["methodEn"], Documents = values["documents"], DocumentsEn = values["documentsEn"],
                Fee = values["fee"], FeeEn = values["feeEn"], TimeLimit = values["timeLimit"], TimeLimitEn = values["timeLimitEn"],
                Officer = new CharterOfficer
                {
                    Name = values["officerName"], NameEn = values["officerNameEn"], Designation = values["officerDesignation"],
                    DesignationEn = values["officerDesignationEn"], Phone = values["officerPhone"], Email = values["officerEmail"],
                },
            }));
        }
        return (rows, errors);
    }

    /// <summary>"services[2].officer.name" of the validator, as the file's line and column: "lines[4].officerName".</summary>
    public static string? LineKey(string field, IReadOnlyList<int> lines)
    {
        var match = System.Text.RegularExpressions.Regex.Match(field, @"^services\[(\d+)\]\.?(.*)$");
        if (!match.Success) return null;
        var row = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        var column = match.Groups[2].Value;
        return row < lines.Count ? $"lines[{lines[row]}].{ColumnOfField.GetValueOrDefault(column, column.Length == 0 ? "nameBn" : column)}" : null;
    }

    /// <summary>The category as written in the file: the API's name, or the Bengali word a charter prints.</summary>
    private static ServiceCategory? CategoryOf(string text)
    {
        if (Enum.TryParse<ServiceCategory>(text, ignoreCase: true, out var category) && Enum.IsDefined(category) && !int.TryParse(text, out _)) return category;
        return text switch
        {
            _ when text.StartsWith("নাগরিক", StringComparison.Ordinal) => ServiceCategory.Citizen,
            _ when text.StartsWith("প্রাতিষ্ঠানিক", StringComparison.Ordinal) => ServiceCategory.Institutional,
            _ when text.StartsWith("অভ্যন্তরীণ", StringComparison.Ordinal) => ServiceCategory.Internal,
            _ when text.StartsWith("আওতাধীন", StringComparison.Ordinal) => ServiceCategory.Subordinate,
            _ => null,
        };
    }
}
