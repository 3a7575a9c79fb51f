using System.Globalization;
using CharterTracker.Access;
using CharterTracker.Calendar;
using CharterTracker.Pipeline;
using CsvHelper;
using CsvHelper.Configuration;
using MediatR;

namespace CharterTracker.Offices;

/// <summary>
/// Loads offices from CSV with the header <c>code,nameBn,nameEn,kind,parentCode,activeFrom</c>. A parent is an
/// office already stored or a row of the same file (in any order). Every row is checked first; with
/// <see cref="DryRun"/>, or when any row is bad, nothing is written and the report lists every bad row.
/// </summary>
public sealed record ImportOfficesCommand : ICommand<OfficeImportReport>
{
    public string Csv { get; init; } = "";
    public bool DryRun { get; init; }

    /// <summary>Each stored parent the file hangs offices under is checked for write access in the handler.</summary>
    public IEnumerable<AccessDemand> AccessDemands() => [AccessDemand.SignedIn];
}

/// <param name="Line">The line of the file, counting the header as line 1, as a spreadsheet shows it.</param>
public sealed record OfficeImportError(int Line, string Field, string Reason);

public sealed record OfficeImportReport(bool DryRun, int Rows, int Imported, IReadOnlyList<OfficeImportError> Errors);

public sealed class ImportOfficesHandler(OfficeStore offices, AccessPolicy access, CurrentUser user, FiscalCalendar calendar)
    : IRequestHandler<ImportOfficesCommand, OfficeImportReport>
{
    public static readonly string[] Header = ["code", "nameBn", "nameEn", "kind", "parentCode", "activeFrom"];

    /// <summary>
    /// A line of the file as far as it could be read: a field that failed its own check is null (its error already
    /// listed), so that the checks against other rows and the database still run on the rest and every error of every
    /// line is reported at once. Only a file without errors, whose rows are all <see cref="Complete"/>, is written.
    /// </summary>
    private sealed record Row(int Line, string? Code, string NameBn, string NameEn, OfficeKind Kind, string? ParentCode, DateOnly? ActiveFrom, bool Complete);

    public async Task<OfficeImportReport> Handle(ImportOfficesCommand command, CancellationToken cancellationToken)
    {
        var errors = new List<OfficeImportError>();
        var (rows, dataRows) = Parse(command.Csv, errors);
        var byCode = new Dictionary<string, Row>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.Where(row => row.Code is not null))
        {
            if (!byCode.TryAdd(row.Code!, row))
            {
                errors.Add(new(row.Line, "code", Say.Text($"'{row.Code}' কোডটি আবার এসেছে (প্রথমবার {BengaliDigits.ToBengali(byCode[row.Code!].Line)} নম্বর লাইনে)।", $"Code '{row.Code}' appears again (first on line {byCode[row.Code!].Line}).")));
            }
        }

        var storedParents = new Dictionary<string, OfficeRow>(StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows)
        {
            if (row.Code is { } code && byCode[code] == row && await offices.FindByCodeAsync(code, cancellationToken) is not null)
            {
                errors.Add(new(row.Line, "code", OfficeRules.CodeTaken(row.Code)));
            }
            if (row.ActiveFrom < calendar.CurrentQuarter.Start && user.Role != Role.SystemAdmin)
            {
                errors.Add(new(row.Line, "activeFrom", OfficeStore.BackDatedMessage(calendar.CurrentQuarter.Start)));
            }
            if (row.ParentCode is null)
            {
                if (user.Role != Role.SystemAdmin) errors.Add(new(row.Line, "parentCode", Say.Text("উর্ধ্বতন দপ্তরবিহীন (শীর্ষ) দপ্তর কেবল সিস্টেম প্রশাসক যোগ করতে পারেন।", "Only a system administrator may add a root office (one without a parent).")));
                continue;
            }
            if (!OfficeRules.IsValidCode(row.ParentCode)) continue; // its error is listed already
            if (byCode.TryGetValue(row.ParentCode, out var parentRow))
            {
                if (parentRow.ActiveFrom is { } parentFrom && parentFrom > row.ActiveFrom)
                    errors.Add(new(row.Line, "activeFrom", Say.Text($"উর্ধ্বতন দপ্তর '{row.ParentCode}' চালু হয়েছে {OfficeRules.Day(parentFrom)} থেকে।", $"Parent '{row.ParentCode}' only exists from {parentFrom:yyyy-MM-dd}.")));
                continue;
            }
            if (!storedParents.TryGetValue(row.ParentCode, out var parent))
            {
                parent = await offices.FindByCodeAsync(row.ParentCode, cancellationToken);
                if (parent is null)
                {
                    errors.Add(new(row.Line, "parentCode", Say.Text($"'{row.ParentCode}' কোডের কোনো দপ্তর নেই, সংরক্ষিত তথ্যে বা এই ফাইলে।", $"No office has code '{row.ParentCode}', in the database or in this file.")));
                    continue;
                }
                // A file may only hang offices under stored offices the caller may change. The refusal names the code the
                // file gave, not the office's id: the file is how a caller would find ids outside its subtree.
                try
                {
                    await access.DemandAsync(AccessDemand.Write(parent.Id), cancellationToken);
                }
                catch (ForbiddenException)
                {
                    throw new ForbiddenException($"Line {row.Line}: you may not add offices under '{row.ParentCode}'; it is outside the offices you may change.");
                }
                storedParents[row.ParentCode] = parent;
            }
            if (row.ActiveFrom is { } activeFrom && !parent.ExistsOn(activeFrom))
            {
                errors.Add(new(row.Line, "activeFrom", Say.Text($"উর্ধ্বতন দপ্তর '{row.ParentCode}' {OfficeRules.Day(activeFrom)} তারিখে চালু নেই।", $"Parent '{row.ParentCode}' does not exist on {activeFrom:yyyy-MM-dd}.")));
            }
        }
        foreach (var row in byCode.Values.Where(row => InCycle(row, byCode)))
        {
            errors.Add(new(row.Line, "parentCode", Say.Text($"এই ফাইলের উর্ধ্বতন দপ্তরের সূত্রে '{row.Code}' নিজেই নিজের উর্ধ্বতন হয়ে যায়।", $"Office '{row.Code}' is its own ancestor through the parents in this file.")));
        }

        errors.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : string.CompareOrdinal(a.Field, b.Field));
        if (command.DryRun)
        {
            return new OfficeImportReport(true, dataRows, 0, errors);
        }
        if (errors.Count > 0)
        {
            throw new RequestValidationException(errors
                .GroupBy(error => $"lines[{error.Line}].{error.Field}")
                .ToDictionary(group => group.Key, group => group.Select(error => error.Reason).ToArray()));
        }

        // Parents before children: insert in order of depth within the file.
        var inserted = new Dictionary<string, OfficeRow>(storedParents, StringComparer.OrdinalIgnoreCase);
        foreach (var row in rows.OrderBy(row => DepthInFile(row, byCode)).ThenBy(row => row.Line))
        {
            var parent = row.ParentCode is null ? null : inserted[row.ParentCode];
            inserted[row.Code!] = await offices.InsertAsync(row.Code!, row.NameBn, row.NameEn, row.Kind, parent, row.ActiveFrom!.Value, cancellationToken);
        }
        return new OfficeImportReport(false, rows.Count, rows.Count, []);
    }

    private (List<Row> Rows, int DataRows) Parse(string csv, List<OfficeImportError> errors)
    {
        var rows = new List<Row>();
        var dataRows = 0;
        using var reader = new CsvReader(new StringReader(csv), new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            TrimOptions = TrimOptions.Trim,
            MissingFieldFound = null,
            BadDataFound = null,
            DetectDelimiter = false,
        });
        if (!reader.Read() || !reader.ReadHeader())
        {
            errors.Add(new(1, "header", Say.Text("ফাইলটি খালি; প্রথম লাইন হতে হবে: ", "The file is empty; the first line must be: ") + string.Join(",", Header)));
            return (rows, 0);
        }
        var header = reader.HeaderRecord ?? [];
        var missing = Header.Take(4).Where(column => !header.Contains(column, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new(1, "header", Say.Text($"কলাম নেই: {string.Join(", ", missing)}; প্রথম লাইন হতে হবে: {string.Join(",", Header)}", $"Missing column(s) {string.Join(", ", missing)}; the first line must be: {string.Join(",", Header)}")));
            return (rows, 0);
        }
        string? Field(string name)
        {
            var index = Array.FindIndex(header, column => column.Equals(name, StringComparison.OrdinalIgnoreCase));
            var value = index < 0 ? null : reader.GetField(index);
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }

        while (reader.Read())
        {
            var line = reader.Parser.RawRow;
            var before = errors.Count;
            var code = Field("code");
            var nameBn = Field("nameBn");
            var nameEn = Field("nameEn");
            var kindText = Field("kind");
            var parentCode = Field("parentCode");
            var activeFromText = Field("activeFrom");
            if (code is null && nameBn is null && nameEn is null && kindText is null) continue; // a blank line
            dataRows++;

            if (!OfficeRules.IsValidCode(code)) errors.Add(new(line, "code", OfficeRules.CodeMessage()));
            if (nameBn is null) errors.Add(new(line, "nameBn", OfficeRules.NameRequired(bengali: true)));
            else if (nameBn.Length > OfficeRules.NameMaxLength) errors.Add(new(line, "nameBn", OfficeRules.NameTooLong(bengali: true)));
            if (nameEn is null) errors.Add(new(line, "nameEn", OfficeRules.NameRequired(bengali: false)));
            else if (nameEn.Length > OfficeRules.NameMaxLength) errors.Add(new(line, "nameEn", OfficeRules.NameTooLong(bengali: false)));
            OfficeKind kind = default;
            if (kindText is null || !Enum.TryParse(kindText, ignoreCase: true, out kind) || !Enum.IsDefined(kind) || int.TryParse(kindText, out _))
            {
                errors.Add(new(line, "kind", OfficeRules.KindMessage(kindText ?? "")));
            }
            if (parentCode is not null && !OfficeRules.IsValidCode(parentCode)) errors.Add(new(line, "parentCode", OfficeRules.CodeMessage()));
            DateOnly? activeFrom = calendar.Today;
            // As a spreadsheet saves it: YYYY-MM-DD or dd/mm/yyyy, Latin or Bengali digits.
            if (activeFromText is not null)
            {
                activeFrom = TypedInput.TryDate(activeFromText, out var day) ? day : null;
                if (activeFrom is null)
                {
                    errors.Add(new(line, "activeFrom", Say.Text($"'{activeFromText}' তারিখটি দিন/মাস/বছর (১৯/০৯/২০২৪) বা বছর-মাস-দিন (২০২৪-০৯-১৯) আকারে লিখুন।",
                        $"'{activeFromText}' is not a date written dd/mm/yyyy (19/09/2024) or YYYY-MM-DD (2024-09-19).")));
                }
            }
            rows.Add(new Row(line, OfficeRules.IsValidCode(code) ? code : null, nameBn ?? "", nameEn ?? "", kind, parentCode, activeFrom, errors.Count == before));
        }
        return (rows, dataRows);
    }

    private static int DepthInFile(Row row, Dictionary<string, Row> byCode)
    {
        var depth = 0;
        for (var current = row; current.ParentCode is not null && byCode.TryGetValue(current.ParentCode, out var parent); current = parent)
        {
            depth++;
        }
        return depth;
    }

    private static bool InCycle(Row row, Dictionary<string, Row> byCode)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { row.Code! };
        for (var current = row; current.ParentCode is not null && byCode.TryGetValue(current.ParentCode, out var parent); current = parent)
        {
            if (!seen.Add(parent.Code!)) return true;
        }
        return false;
    }
}
