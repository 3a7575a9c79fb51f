using System.Text.RegularExpressions;
using CharterTracker.Tests.Support;
using MediatR;

namespace CharterTracker.Tests.Conventions;

/// <summary>
/// One use case per file, named after it: <c>MoveOffice.cs</c> declares <c>MoveOfficeCommand</c> (with its validator,
/// handler and result) and no other request. Read from the source, since a compiled type does not know its file.
/// </summary>
public sealed partial class UseCaseFileTests
{
    private static readonly string Source = Path.Combine(TestDatabase.RepositoryRoot, "src", "CharterTracker");

    /// <summary>Every request type of the application, by name.</summary>
    private static readonly IReadOnlyList<string> RequestNames = typeof(CharterApp).Assembly.GetTypes()
        .Where(type => type is { IsAbstract: false, IsInterface: false }
                       && type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IRequest<>)))
        .Select(type => type.Name)
        .Order(StringComparer.Ordinal)
        .ToList();

    /// <summary>Request name → the files that declare a type of that name.</summary>
    private static readonly IReadOnlyDictionary<string, List<string>> Declarations = DeclaredRequests();

    [Test]
    public void The_scan_finds_every_request_in_the_source()
    {
        var missing = RequestNames.Where(name => !Declarations.ContainsKey(name)).ToList();

        Assert.That(RequestNames, Has.Count.GreaterThan(50), "the reflection scan found too few requests to be trusted");
        Assert.That(missing, Is.Empty, "requests whose declaration the source scan did not find: " + string.Join(", ", missing));
    }

    [Test]
    public void Each_request_lives_in_a_file_named_after_it()
    {
        var offenders = Declarations
            .Where(pair => pair.Value.Count != 1 || Path.GetFileNameWithoutExtension(pair.Value[0]) != RequestSuffix().Replace(pair.Key, ""))
            .Select(pair => $"{pair.Key} in {string.Join(", ", pair.Value)} (expected {RequestSuffix().Replace(pair.Key, "")}.cs)")
            .ToList();

        Assert.That(offenders, Is.Empty, "requests not declared in a file of their own name: " + string.Join("; ", offenders));
    }

    [Test]
    public void No_file_declares_two_requests()
    {
        var offenders = Declarations
            .SelectMany(pair => pair.Value.Select(file => (file, request: pair.Key)))
            .GroupBy(declaration => declaration.file)
            .Where(file => file.Count() > 1)
            .Select(file => $"{file.Key}: {string.Join(", ", file.Select(d => d.request))}")
            .ToList();

        Assert.That(offenders, Is.Empty, "files holding more than one use case (split them, one file each): " + string.Join("; ", offenders));
    }

    private static Dictionary<string, List<string>> DeclaredRequests()
    {
        var names = RequestNames.ToHashSet(StringComparer.Ordinal);
        var found = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(Source, "*.cs", SearchOption.AllDirectories))
        {
            var relative = Path.GetRelativePath(Source, file).Replace('\\', '/');
            if (relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal)) continue;
            foreach (Match match in TypeDeclaration().Matches(File.ReadAllText(file)))
            {
                var name = match.Groups["name"].Value;
                if (!names.Contains(name)) continue;
                if (!found.TryGetValue(name, out var files)) found[name] = files = [];
                files.Add(relative);
            }
        }
        return found;
    }

    [GeneratedRegex(@"\b(?:record|class)\s+(?<name>\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex("(Command|Query)$")]
    private static partial Regex RequestSuffix();
}
