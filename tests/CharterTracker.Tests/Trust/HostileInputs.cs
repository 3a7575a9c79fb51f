using System.Text;
using System.Text.Json.Nodes;
using CharterTracker.Tests.Support;

namespace CharterTracker.Tests.Trust;

/// <summary>A mutation of a valid sample: what was done to it, and the request.</summary>
public sealed record Mutation(string What, RequestSample Request);

/// <summary>
/// Hostile variations of a valid request, one change at a time: every field given a wrong type, null, nothing, a
/// huge or control-character string, mixed scripts, impossible dates, quarters and fiscal years, extreme numbers,
/// injection strings; and whole bodies that are malformed, deeply nested, of the wrong content type, or (for
/// uploads) broken multipart.
/// </summary>
public static class HostileInputs
{
    private static readonly string Huge = new('ক', 100 * 1024 / 3 + 1);

    /// <summary>What a field holds in the valid sample: each kind of field gets the values that probe it.</summary>
    [Flags]
    public enum Fits
    {
        /// <summary>Any field: wrong types, null, nesting.</summary>
        Any = 0,
        Text = 1,
        Number = 2,
        Date = 4,
        Year = 8,
        Time = 16,
        All = Text | Number | Date | Year | Time,
    }

    /// <summary>Values that fit no field, or fit one only by accident (the suite then checks the answer, not the value).</summary>
    public static readonly IReadOnlyList<(string Name, Func<JsonNode?> Json, string Text, Fits For)> Values =
    [
        ("null", () => null, "", Fits.Any),
        ("empty string", () => "", "", Fits.All),
        ("blank", () => " \t\u00a0 ", " \t\u00a0 ", Fits.All),
        ("number", () => 12345, "12345", Fits.Any),
        ("negative", () => -1, "-1", Fits.Number),
        ("zero", () => 0, "0", Fits.Number | Fits.Year),
        ("int overflow", () => JsonNode.Parse("2147483648"), "2147483648", Fits.Number),
        ("long overflow", () => JsonNode.Parse("9223372036854775808"), "9223372036854775808", Fits.Number),
        ("huge exponent", () => JsonNode.Parse("1e308"), "1e308", Fits.Number),
        ("fraction", () => 3.75, "3.75", Fits.Number),
        ("true", () => true, "true", Fits.Any),
        ("object", () => new JsonObject(), "{}", Fits.Any),
        ("object with junk", () => new JsonObject { ["$type"] = "System.IO.FileInfo", ["a"] = 1 }, "{\"a\":1}", Fits.Text),
        ("array", () => new JsonArray(), "[]", Fits.Any),
        ("array of nulls", () => new JsonArray(null, null), "[null]", Fits.Any),
        ("array of objects", () => new JsonArray(new JsonObject(), new JsonObject()), "[{}]", Fits.Text),
        ("nested 60 deep", () => JsonNode.Parse(new string('[', 60) + new string(']', 60)), new string('[', 60), Fits.Any),
        ("100 KB string", () => Huge, Huge, Fits.All),
        ("control characters", () => "\u0000\u0001\u0007\u001b[31m\u007f\r\n\t", "\u0000\u0001\u0007\u001b[31m\u007f\r\n\t", Fits.All),
        ("mixed scripts", () => "সেবা Service خدمة\u200b\u200d\u202e🇧🇩👍🏽", "সেবা Service خدمة\u200b\u200d\u202e🇧🇩👍🏽", Fits.Text | Fits.Number),
        ("right-to-left override", () => "\u202Efdp.exe", "\u202Efdp.exe", Fits.Text),
        ("zero-width only", () => "\u200b\u200c\u200d\ufeff", "\u200b\u200c\u200d\ufeff", Fits.Text),
        ("date month 13", () => "2024-13-01", "2024-13-01", Fits.Date),
        ("date zero", () => "0000-00-00", "0000-00-00", Fits.Date),
        ("date year 9999", () => "9999-12-31", "9999-12-31", Fits.Date),
        ("date year 1", () => "0001-01-01", "0001-01-01", Fits.Date),
        ("date day first", () => "15/08/2024", "15/08/2024", Fits.Date),
        ("date Bengali digits", () => "২০২৪-০৮-১০", "২০২৪-০৮-১০", Fits.Date),
        ("date and time", () => "2024-08-10T25:61:00Z", "2024-08-10T25:61:00Z", Fits.Date | Fits.Time),
        ("time 25:61", () => "25:61", "25:61", Fits.Time),
        ("time Bengali digits", () => "১১:০০", "১১:০০", Fits.Time),
        ("fiscal year 2024-26", () => "2024-26", "2024-26", Fits.Year),
        ("fiscal year abcd", () => "abcd", "abcd", Fits.Year | Fits.Number | Fits.Date),
        ("fiscal year Bengali digits", () => "২০২৪-২৫", "২০২৪-২৫", Fits.Year | Fits.Number),
        ("fiscal year reversed", () => "2025-24", "2025-24", Fits.Year),
        ("quarter 5", () => 5, "5", Fits.Number),
        ("number Bengali digits", () => "৩৫", "৩৫", Fits.Number),
        ("SQL injection", () => "' OR 1=1 --", "' OR 1=1 --", Fits.All),
        ("SQL drop", () => "x'); DROP TABLE Offices; --", "x'); DROP TABLE Offices; --", Fits.Text),
        ("script", () => "<script>alert(1)</script>", "<script>alert(1)</script>", Fits.Text | Fits.Year),
        ("spreadsheet formula", () => "=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0", Fits.Text | Fits.Number),
        ("template", () => "{{7*7}}${7*7}", "{{7*7}}${7*7}", Fits.Text),
        ("path traversal", () => "../../etc/passwd", "../../etc/passwd", Fits.Text | Fits.Year),
        ("format string", () => "%s%n%x{0}", "%s%n%x{0}", Fits.Text),
        ("enum lower case", () => "viewer", "viewer", Fits.Text),
        ("enum number", () => "99", "99", Fits.Text),
        ("unknown id", () => 999999999, "999999999", Fits.Number),
    ];

    /// <summary>The kind of field a sample value shows.</summary>
    public static Fits KindOf(string? text, bool isNumber = false) =>
        isNumber ? Fits.Number
        : text is null ? Fits.Any
        : System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d{4}-\d{2}-\d{2}$") ? Fits.Date
        : System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d{4}-\d{2}$") ? Fits.Year
        : System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d{2}:\d{2}$") ? Fits.Time
        : System.Text.RegularExpressions.Regex.IsMatch(text, @"^\d+$") ? Fits.Number
        : Fits.Text;

    private static IEnumerable<(string Name, Func<JsonNode?> Json, string Text, Fits For)> For(Fits kind) =>
        Values.Where(v => v.For == Fits.Any || (v.For & kind) != 0);

    /// <summary>Every mutation of a sample.</summary>
    public static IEnumerable<Mutation> Of(RequestSample sample) => sample.Kind switch
    {
        BodyKind.Json => JsonFields(sample).Concat(JsonBodies(sample)),
        BodyKind.Form or BodyKind.Multipart => FormFields(sample).Concat(FormBodies(sample)),
        BodyKind.Csv => CsvBodies(sample),
        _ => NoBody(sample),
    };

    private static IEnumerable<Mutation> JsonFields(RequestSample sample)
    {
        foreach (var path in Paths(sample.Json!, ""))
        {
            yield return new Mutation($"{path} missing", sample with { Json = Change(sample.Json!, path, remove: true, null) });
            foreach (var (name, value, _, _) in For(KindOfNode(sample.Json!, path)))
            {
                yield return new Mutation($"{path} = {name}", sample with { Json = Change(sample.Json!, path, remove: false, value()) });
            }
        }
    }

    private static Fits KindOfNode(JsonNode body, string path)
    {
        var node = body;
        foreach (var step in path.Replace("[0]", ".[0]", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            node = step == "[0]" ? node?[0] : node?[step];
        }
        return node is JsonValue value
            ? value.TryGetValue<string>(out var text) ? KindOf(text) : value.TryGetValue<bool>(out _) ? Fits.Any : Fits.Number
            : Fits.Any;
    }

    /// <summary>The fields of a body, down into objects and the first element of arrays (areas[0].indicators[0]…), at most 40.</summary>
    private static IEnumerable<string> Paths(JsonNode node, string prefix) =>
        node switch
        {
            JsonObject o => o.SelectMany(p => new[] { Join(prefix, p.Key) }.Concat(p.Value is JsonObject or JsonArray ? Paths(p.Value, Join(prefix, p.Key)) : [])),
            JsonArray { Count: > 0 } a => new[] { prefix + "[0]" }.Concat(a[0] is JsonObject or JsonArray ? Paths(a[0]!, prefix + "[0]") : []),
            _ => [],
        } is var paths ? paths.Take(40) : [];

    private static string Join(string prefix, string key) => prefix.Length == 0 ? key : prefix + "." + key;

    private static JsonNode Change(JsonNode body, string path, bool remove, JsonNode? value)
    {
        var copy = body.DeepClone();
        var steps = path.Replace("[0]", ".[0]", StringComparison.Ordinal).Split('.', StringSplitOptions.RemoveEmptyEntries);
        var parent = copy;
        foreach (var step in steps[..^1]) parent = step == "[0]" ? parent[0]! : parent[step]!;
        var last = steps[^1];
        if (parent is JsonArray array)
        {
            if (remove) array.RemoveAt(0);
            else array[0] = value;
        }
        else if (remove) parent.AsObject().Remove(last);
        else parent[last] = value;
        return copy;
    }

    private static IEnumerable<Mutation> JsonBodies(RequestSample sample)
    {
        var valid = sample.Json!.ToJsonString();
        var bytes = Encoding.UTF8.GetBytes(valid);
        Mutation Raw(string what, byte[] body, string contentType) => new(what, sample with { Raw = (body, contentType) });
        Mutation Text(string what, string body, string contentType = "application/json") => Raw(what, Encoding.UTF8.GetBytes(body), contentType);
        yield return Text("empty body", "");
        yield return Text("body null", "null");
        yield return Text("body array", "[" + valid + "]");
        yield return Text("body string", "\"" + valid.Replace("\"", "\\\"", StringComparison.Ordinal) + "\"");
        yield return Text("body number", "42");
        yield return Text("truncated", valid[..(valid.Length / 2)]);
        yield return Text("trailing garbage", valid + "}}]");
        yield return Text("comments", "/* c */" + valid);
        yield return Text("single quotes", valid.Replace('"', '\''));
        yield return Text("nested 5,000 deep", new string('[', 5000) + new string(']', 5000));
        yield return Text("object nested 200 deep", string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200));
        yield return Text("duplicate keys", "{" + valid[1..^1] + "," + valid[1..^1] + "}");
        yield return Raw("invalid UTF-8", [.. Encoding.UTF8.GetBytes("{\"x\":\""), 0xC3, 0x28, 0xFF, .. Encoding.UTF8.GetBytes("\"}")], "application/json");
        yield return Raw("byte-order mark", [0xEF, 0xBB, 0xBF, .. bytes], "application/json");
        yield return Raw("UTF-16 declared", bytes, "application/json; charset=utf-16");
        yield return Text("lone surrogate", "{\"x\":\"\\ud800\"}");
        yield return Raw("text/plain", bytes, "text/plain");
        yield return Text("XML", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>", "application/xml");
        yield return Text("form instead of JSON", "a=1&b=2", "application/x-www-form-urlencoded");
        yield return Raw("no content type", bytes, "application/octet-stream");
        yield return Text("1 MB of whitespace", new string(' ', 1024 * 1024) + valid);
    }

    private static IEnumerable<Mutation> FormFields(RequestSample sample)
    {
        var fields = sample.Fields.Select(f => f.Key).Distinct().Concat(sample.File is null ? [] : ["file"]).ToList();
        foreach (var field in sample.Fields.Select(f => f.Key).Distinct())
        {
            yield return new Mutation($"{field} missing", sample with { Fields = sample.Fields.Where(f => f.Key != field).ToList() });
            yield return new Mutation($"{field} twice", sample with { Fields = [.. sample.Fields, .. sample.Fields.Where(f => f.Key == field).Select(f => KeyValuePair.Create(f.Key, "২"))] });
            foreach (var (name, _, text, _) in For(KindOf(sample.Fields.First(f => f.Key == field).Value)).Where(v => v.Text.Length > 0))
            {
                yield return new Mutation($"{field} = {name}", sample with { Fields = sample.Fields.Select(f => f.Key == field ? KeyValuePair.Create(f.Key, text) : f).ToList() });
            }
        }
        foreach (var (name, _, text, _) in For(Fits.Text).Where(v => v.Text.Length > 0))
        {
            yield return new Mutation($"unknown field = {name}", sample with { Fields = [.. sample.Fields, KeyValuePair.Create("junk[0].x", text)] });
        }
        if (sample.File is { } file)
        {
            foreach (var mutation in Files(sample, file)) yield return mutation;
        }
    }

    /// <summary>Uploads that lie about themselves.</summary>
    private static IEnumerable<Mutation> Files(RequestSample sample, FilePart file)
    {
        Mutation With(string what, FilePart changed) => new(what, sample with { File = changed });
        yield return new Mutation("file missing", sample with { File = null });
        yield return With("empty file", file with { Bytes = [] });
        yield return With("executable named .pdf", file with { Bytes = [(byte)'M', (byte)'Z', 0x90, 0, 3, 0, 0, 0] });
        yield return With("HTML declared text/html", file with { FileName = "x.html", ContentType = "text/html", Bytes = Encoding.UTF8.GetBytes("<script>alert(1)</script>") });
        yield return With("SVG with script", file with { FileName = "x.svg", ContentType = "image/svg+xml", Bytes = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>") });
        yield return With("file name traversal", file with { FileName = "../../etc/passwd" });
        yield return With("file name 10 KB", file with { FileName = new string('ক', 3400) + ".pdf" });
        yield return With("file name control characters", file with { FileName = "a\u0001\u202Efdp.exe" });
        yield return With("content type with parameters", file with { ContentType = "application/pdf; charset=\"<script>\"" });
        yield return With("100 KB of zeros", file with { Bytes = new byte[100 * 1024] });
        yield return With("CSV with formulas", file with { Bytes = Encoding.UTF8.GetBytes("code,nameBn,nameEn,kind,parentCode,activeFrom\n=cmd|' /C calc'!A0,=1+1,@SUM(A1),Branch,A1,2024-08-01\n") });
        yield return With("CSV of binary", file with { Bytes = [0x00, 0xFF, 0xFE, 0x0A, 0x2C, 0x2C, 0x0A] });
    }

    private static IEnumerable<Mutation> FormBodies(RequestSample sample)
    {
        Mutation Raw(string what, string body, string contentType) => new(what, sample with { Raw = (Encoding.UTF8.GetBytes(body), contentType) });
        if (sample.Kind == BodyKind.Form) yield return new Mutation("no antiforgery token", sample with { Kind = BodyKind.Multipart });
        yield return Raw("urlencoded fields only", string.Join('&', sample.Fields.Select(f => Uri.EscapeDataString(f.Key) + "=" + Uri.EscapeDataString(f.Value))), "application/x-www-form-urlencoded");
        yield return Raw("multipart without boundary", "--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--x--\r\n", "multipart/form-data");
        yield return Raw("multipart with another boundary", "--y\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--y--\r\n", "multipart/form-data; boundary=x");
        yield return Raw("multipart cut short", "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n", "multipart/form-data; boundary=x");
        yield return Raw("multipart without headers", "--x\r\n\r\n\r\n--x--\r\n", "multipart/form-data; boundary=x");
        yield return Raw("multipart part without a name", "--x\r\nContent-Disposition: form-data\r\n\r\n1\r\n--x--\r\n", "multipart/form-data; boundary=x");
        yield return Raw("multipart boundary of 200 characters", "--" + new string('b', 200) + "\r\n\r\n", "multipart/form-data; boundary=" + new string('b', 200));
        yield return Raw("JSON instead of a form", "{\"a\":1}", "application/json");
        yield return Raw("plain text", "hello", "text/plain");
        yield return Raw("urlencoded with broken escapes", "a=%ZZ&%&=&&b=%", "application/x-www-form-urlencoded");
    }

    private static IEnumerable<Mutation> CsvBodies(RequestSample sample)
    {
        const string header = "code,nameBn,nameEn,kind,parentCode,activeFrom";
        var row = sample.Text!.Split('\n')[1].Split(',');
        Mutation Csv(string what, string text, bool dryRun = true) =>
            new(what, sample with { Text = text, Url = dryRun ? sample.Url : sample.Url.Replace("?dryRun=true", "", StringComparison.Ordinal) });
        for (var column = 0; column < row.Length; column++)
        {
            foreach (var (name, _, text, _) in For(KindOf(row[column])))
            {
                var cells = row.ToArray();
                cells[column] = text.Contains(',') || text.Contains('"') || text.Contains('\n') ? "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : text;
                var csv = header + "\n" + string.Join(',', cells) + "\n";
                yield return Csv($"column {column} = {name}", csv);
                yield return Csv($"column {column} = {name}, imported", csv, dryRun: false);
            }
        }
        yield return Csv("empty", "");
        yield return Csv("header only", header);
        yield return Csv("unbalanced quote", header + "\n\"A,b,c\n");
        yield return Csv("semicolons", header.Replace(',', ';') + "\n" + string.Join(';', row));
        yield return Csv("too many columns", header + "\n" + string.Join(',', row) + ",x,y,z\n", dryRun: false);
        yield return Csv("too few columns", header + "\nA\n", dryRun: false);
        yield return Csv("duplicate codes", header + "\n" + string.Join(',', row) + "\n" + string.Join(',', row) + "\n", dryRun: false);
        yield return Csv("cycle", header + "\nC1,ক,C1,Branch,C2,2024-08-01\nC2,খ,C2,Branch,C1,2024-08-01\n", dryRun: false);
        yield return new Mutation("binary", sample with { Raw = ([0x00, 0xFF, 0xFE, 0xC3, 0x28], "text/csv") });
    }

    /// <summary>Routes without a body: junk bodies, and hostile values where a name or year stands in the URL or query.</summary>
    private static IEnumerable<Mutation> NoBody(RequestSample sample)
    {
        yield return new Mutation("JSON body", sample with { Raw = ("{\"a\":1}"u8.ToArray(), "application/json") });
        yield return new Mutation("malformed JSON body", sample with { Raw = ("{"u8.ToArray(), "application/json") });
        yield return new Mutation("1 MB body", sample with { Raw = (new byte[1024 * 1024], "application/octet-stream") });
    }
}
