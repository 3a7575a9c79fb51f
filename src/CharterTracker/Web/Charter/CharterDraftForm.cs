using System.Globalization;
using CharterTracker.Charters;

namespace CharterTracker.Web;

/// <summary>How many rows of each list the draft form shows.</summary>
public sealed record CharterDraftRows(int Services, int Grievance, int Expectations);

/// <summary>
/// The draft form's inputs, named as the API's fields (<c>services[2].fee</c>, <c>grievance[0].officer.name</c>) so
/// that each validation error lands beside its input. Rows are added and removed by posting the form back (the
/// "add" and "remove" buttons; nothing is saved then, nothing typed is lost); empty rows are dropped when saving.
/// </summary>
internal static class CharterDraftForm
{
    public static readonly string[] ServiceFields =
    [
        "serviceId", "category", "nameBn", "nameEn", "method", "methodEn", "documents", "documentsEn", "fee", "feeEn", "timeLimit", "timeLimitEn",
        "officer.name", "officer.nameEn", "officer.designation", "officer.designationEn", "officer.phone", "officer.email",
    ];

    public static readonly string[] GrievanceFields =
        ["level", "days", "officer.name", "officer.nameEn", "officer.designation", "officer.designationEn", "officer.phone", "officer.email"];

    public static readonly string[] ExpectationFields = ["textBn", "textEn"];

    private const int MaxRows = CharterContentValidator.MaxServices;

    private static readonly (string List, string[] Fields, string[] Typed)[] Lists =
    [
        ("services", ServiceFields, ServiceFields.Except(["serviceId", "category"]).ToArray()),
        ("grievance", GrievanceFields, GrievanceFields.Except(["level"]).ToArray()),
        ("expectations", ExpectationFields, ExpectationFields),
    ];

    /// <summary>A version (or nothing) as the form's inputs and rows; at least one row of each list to type in.</summary>
    public static (Dictionary<string, string?> Values, CharterDraftRows Rows) ValuesOf(CharterVersion? version)
    {
        var values = new Dictionary<string, string?>();
        if (version is null) return (values, new CharterDraftRows(1, 1, 1));
        values["revision"] = version.Status == "Draft" ? Int(version.Revision) : null;
        values["visionBn"] = version.VisionBn;
        values["visionEn"] = version.VisionEn;
        values["missionBn"] = version.MissionBn;
        values["missionEn"] = version.MissionEn;
        var services = version.Services ?? [];
        for (var i = 0; i < services.Count; i++)
        {
            var s = services[i];
            var p = $"services[{i}].";
            values[p + "serviceId"] = s.ServiceId is { } id ? id.ToString(CultureInfo.InvariantCulture) : null;
            values[p + "category"] = s.Category?.ToString();
            values[p + "nameBn"] = s.NameBn; values[p + "nameEn"] = s.NameEn;
            values[p + "method"] = s.Method; values[p + "methodEn"] = s.MethodEn;
            values[p + "documents"] = s.Documents; values[p + "documentsEn"] = s.DocumentsEn;
            values[p + "fee"] = s.Fee; values[p + "feeEn"] = s.FeeEn;
            values[p + "timeLimit"] = s.TimeLimit; values[p + "timeLimitEn"] = s.TimeLimitEn;
            Officer(values, p, s.Officer);
        }
        var levels = version.Grievance ?? [];
        for (var i = 0; i < levels.Count; i++)
        {
            var p = $"grievance[{i}].";
            values[p + "level"] = levels[i].Level is { } level ? Int(level) : null;
            values[p + "days"] = levels[i].Days is { } days ? Int(days) : null;
            Officer(values, p, levels[i].Officer);
        }
        var expectations = version.Expectations ?? [];
        for (var i = 0; i < expectations.Count; i++)
        {
            values[$"expectations[{i}].textBn"] = expectations[i].TextBn;
            values[$"expectations[{i}].textEn"] = expectations[i].TextEn;
        }
        return (values, new CharterDraftRows(Math.Max(services.Count, 1), Math.Max(levels.Count, 1), Math.Max(expectations.Count, 1)));
    }

    private static void Officer(Dictionary<string, string?> values, string prefix, CharterOfficer? officer)
    {
        values[prefix + "officer.name"] = officer?.Name; values[prefix + "officer.nameEn"] = officer?.NameEn;
        values[prefix + "officer.designation"] = officer?.Designation; values[prefix + "officer.designationEn"] = officer?.DesignationEn;
        values[prefix + "officer.phone"] = officer?.Phone; values[prefix + "officer.email"] = officer?.Email;
    }

    /// <summary>The inputs as the charter's content (indices already those of the inputs: see <see cref="Compact"/>).</summary>
    public static CharterContent Read(WebForm form, CharterDraftRows rows) => new()
    {
        VisionBn = form.Text("visionBn"), VisionEn = form.Text("visionEn"), MissionBn = form.Text("missionBn"), MissionEn = form.Text("missionEn"),
        Services = Enumerable.Range(0, rows.Services).Select(i =>
        {
            var p = $"services[{i}].";
            return new CharterService
            {
                ServiceId = form.Long(p + "serviceId"),
                Category = Enum.TryParse<ServiceCategory>(form.Value(p + "category"), out var category) && Enum.IsDefined(category) ? category : null,
                NameBn = form.Text(p + "nameBn"), NameEn = form.Text(p + "nameEn"), Method = form.Text(p + "method"), MethodEn = form.Text(p + "methodEn"),
                Documents = form.Text(p + "documents"), DocumentsEn = form.Text(p + "documentsEn"), Fee = form.Text(p + "fee"), FeeEn = form.Text(p + "feeEn"),
                TimeLimit = form.Text(p + "timeLimit"), TimeLimitEn = form.Text(p + "timeLimitEn"), Officer = ReadOfficer(form, p),
            };
        }).ToList(),
        Grievance = Enumerable.Range(0, rows.Grievance).Select(i => new GrievanceLevel
        {
            Level = form.Int($"grievance[{i}].level") ?? i + 1, Days = form.Int($"grievance[{i}].days"), Officer = ReadOfficer(form, $"grievance[{i}]."),
        }).ToList(),
        Expectations = Enumerable.Range(0, rows.Expectations)
            .Select(i => new CharterExpectation { TextBn = form.Text($"expectations[{i}].textBn"), TextEn = form.Text($"expectations[{i}].textEn") }).ToList(),
    };

    private static CharterOfficer ReadOfficer(WebForm form, string prefix) => new()
    {
        Name = form.Text(prefix + "officer.name"), NameEn = form.Text(prefix + "officer.nameEn"), Designation = form.Text(prefix + "officer.designation"),
        DesignationEn = form.Text(prefix + "officer.designationEn"), Phone = form.Text(prefix + "officer.phone"), Email = form.Text(prefix + "officer.email"),
    };

    /// <summary>The rows the posted form holds: an index is there while any of its inputs was posted.</summary>
    public static CharterDraftRows RowsOf(WebForm form)
    {
        int Count(string list, string[] fields)
        {
            var n = 0;
            while (n < MaxRows && fields.Any(f => form.Values($"{list}[{n}].{f}").Count > 0)) n++;
            return n;
        }
        return new CharterDraftRows(Count("services", ServiceFields), Count("grievance", GrievanceFields), Count("expectations", ExpectationFields));
    }

    /// <summary>
    /// The "add" or "remove" button that was pressed: the rows after it (a removed row's inputs are taken out and the
    /// rows below move up); null when the form was posted to be saved.
    /// </summary>
    public static CharterDraftRows? Grow(WebForm form)
    {
        var add = form.Value("add");
        var remove = form.Value("remove");
        if (add.Length == 0 && remove.Length == 0) return null;
        var rows = RowsOf(form);
        var counts = new Dictionary<string, int> { ["services"] = rows.Services, ["grievance"] = rows.Grievance, ["expectations"] = rows.Expectations };
        if (counts.ContainsKey(add) && counts[add] < MaxRows)
        {
            if (add == "services") form.Set($"services[{rows.Services}].category", form.Value($"services[{rows.Services - 1}].category") is { Length: > 0 } last ? last : "Citizen");
            if (add == "grievance") form.Set($"grievance[{rows.Grievance}].level", Int(rows.Grievance + 1));
            counts[add]++;
        }
        foreach (var (list, fields, _) in Lists)
        {
            for (var i = 0; i < counts[list]; i++)
            {
                if (remove != $"{list}[{i}]") continue;
                for (var j = i; j < counts[list] - 1; j++) Move(form, $"{list}[{j + 1}]", $"{list}[{j}]", fields);
                Clear(form, $"{list}[{counts[list] - 1}]", fields);
                counts[list]--;
                break;
            }
        }
        return AtLeastOne(new CharterDraftRows(counts["services"], counts["grievance"], counts["expectations"]));
    }

    /// <summary>Drops the rows left empty and renumbers the rest in the form itself, so that an error's index is its input's.</summary>
    public static CharterDraftRows Compact(WebForm form)
    {
        var rows = RowsOf(form);
        var counts = new Dictionary<string, int> { ["services"] = rows.Services, ["grievance"] = rows.Grievance, ["expectations"] = rows.Expectations };
        foreach (var (list, fields, typed) in Lists)
        {
            var kept = 0;
            for (var i = 0; i < counts[list]; i++)
            {
                if (typed.All(f => form.Text($"{list}[{i}].{f}") is null)) continue;
                if (kept != i) Move(form, $"{list}[{i}]", $"{list}[{kept}]", fields);
                kept++;
            }
            for (var i = kept; i < counts[list]; i++) Clear(form, $"{list}[{i}]", fields);
            counts[list] = kept;
        }
        return new CharterDraftRows(counts["services"], counts["grievance"], counts["expectations"]);
    }

    public static CharterDraftRows AtLeastOne(CharterDraftRows rows) => new(Math.Max(rows.Services, 1), Math.Max(rows.Grievance, 1), Math.Max(rows.Expectations, 1));

    private static void Move(WebForm form, string from, string to, IEnumerable<string> fields)
    {
        foreach (var field in fields)
        {
            form.Set($"{to}.{field}", form.Values($"{from}.{field}").Count > 0 ? form.Value($"{from}.{field}") : null);
            form.Set($"{from}.{field}", null);
        }
    }

    private static void Clear(WebForm form, string prefix, IEnumerable<string> fields)
    {
        foreach (var field in fields) form.Set($"{prefix}.{field}", null);
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);
}
