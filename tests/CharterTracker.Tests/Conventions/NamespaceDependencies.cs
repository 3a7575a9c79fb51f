using Mono.Cecil;
using Mono.Cecil.Cil;

namespace CharterTracker.Tests.Conventions;

/// <summary>
/// Which part of the application uses which, read from its compiled IL with Mono.Cecil: base types, interfaces,
/// attributes, fields, properties, signatures, locals, and every type, method and field a method body names (so a
/// dependency hidden in a lambda, a query's SQL builder or an <c>async</c> state machine counts). A part is a folder
/// under <c>src/CharterTracker</c> (<c>CharterTracker.Offices.*</c> → Offices); nested and compiler-generated types
/// count for the type that declares them.
/// </summary>
public sealed class NamespaceDependencies
{
    /// <summary>The composition root: <c>CharterApp</c> and the top-level statements of <c>Program.cs</c>.</summary>
    public const string CompositionRoot = "CompositionRoot";

    /// <summary>The other types of the root namespace: the <c>Charter</c> options every part may read.</summary>
    public const string Configuration = "Configuration";

    private readonly Dictionary<(string From, string To), SortedSet<string>> _edges = [];

    private NamespaceDependencies()
    {
    }

    /// <summary>Every part that declares a type.</summary>
    public SortedSet<string> Parts { get; } = new(StringComparer.Ordinal);

    /// <summary>Part → the parts it uses.</summary>
    public IReadOnlyDictionary<string, SortedSet<string>> Uses =>
        Parts.ToDictionary(part => part, part => new SortedSet<string>(_edges.Keys.Where(edge => edge.From == part).Select(edge => edge.To), StringComparer.Ordinal));

    /// <summary>The types behind one dependency, as "Using → Used" (at most <paramref name="max"/>).</summary>
    public IEnumerable<string> Why(string from, string to, int max = 3) =>
        _edges.TryGetValue((from, to), out var pairs) ? pairs.Take(max) : [];

    public static NamespaceDependencies Of(string assemblyPath)
    {
        var graph = new NamespaceDependencies();
        using var module = ModuleDefinition.ReadModule(assemblyPath);
        foreach (var type in module.GetTypes())
        {
            var (from, fromName) = PartOf(type);
            if (from is null) continue;
            graph.Parts.Add(from);
            foreach (var used in Referenced(type))
            {
                var (to, toName) = PartOf(used);
                if (to is null || to == from) continue;
                if (!graph._edges.TryGetValue((from, to), out var pairs)) graph._edges[(from, to)] = pairs = new(StringComparer.Ordinal);
                pairs.Add($"{fromName} → {toName}");
            }
        }
        return graph;
    }

    /// <summary>The part a type belongs to (null for a type of another assembly or a compiler helper), and its readable name.</summary>
    private static (string? Part, string Name) PartOf(TypeReference type)
    {
        while (type.DeclaringType is not null) type = type.DeclaringType;
        if (type.Scope is not ModuleDefinition) return (null, type.FullName);
        var name = type.Namespace.Length == 0 ? type.Name : $"{type.Namespace}.{type.Name}";
        if (type.Namespace.Length == 0) return (type.Name == "Program" ? CompositionRoot : null, name);
        if (type.Namespace == "CharterTracker") return (type.Name == "CharterApp" ? CompositionRoot : Configuration, name);
        if (!type.Namespace.StartsWith("CharterTracker.", StringComparison.Ordinal)) return (null, name);
        var part = type.Namespace.Split('.')[1];
        return (part, name["CharterTracker.".Length..]);
    }

    private static IEnumerable<TypeReference> Referenced(TypeDefinition type)
    {
        var found = new List<TypeReference>();
        if (type.BaseType is not null) found.Add(type.BaseType);
        found.AddRange(type.Interfaces.Select(i => i.InterfaceType));
        found.AddRange(Attributes(type));
        found.AddRange(type.GenericParameters.SelectMany(p => p.Constraints).Select(c => c.ConstraintType));
        foreach (var field in type.Fields)
        {
            found.Add(field.FieldType);
            found.AddRange(Attributes(field));
        }
        foreach (var property in type.Properties)
        {
            found.Add(property.PropertyType);
            found.AddRange(Attributes(property));
        }
        foreach (var method in type.Methods)
        {
            found.Add(method.ReturnType);
            found.AddRange(method.Parameters.Select(p => p.ParameterType));
            found.AddRange(method.GenericParameters.SelectMany(p => p.Constraints).Select(c => c.ConstraintType));
            found.AddRange(Attributes(method));
            if (!method.HasBody) continue;
            found.AddRange(method.Body.Variables.Select(v => v.VariableType));
            found.AddRange(method.Body.ExceptionHandlers.Where(h => h.CatchType is not null).Select(h => h.CatchType));
            foreach (var instruction in method.Body.Instructions)
            {
                found.AddRange(Operand(instruction));
            }
        }
        return found.SelectMany(Flatten);
    }

    private static IEnumerable<TypeReference> Operand(Instruction instruction) => instruction.Operand switch
    {
        TypeReference type => [type],
        GenericInstanceMethod generic => [generic.DeclaringType, generic.ReturnType, .. generic.GenericArguments, .. generic.Parameters.Select(p => p.ParameterType)],
        MethodReference method => [method.DeclaringType, method.ReturnType, .. method.Parameters.Select(p => p.ParameterType)],
        FieldReference field => [field.DeclaringType, field.FieldType],
        _ => [],
    };

    private static IEnumerable<TypeReference> Attributes(ICustomAttributeProvider provider) =>
        provider.CustomAttributes.SelectMany(a => a.ConstructorArguments.Select(arg => arg.Value).OfType<TypeReference>().Append(a.AttributeType));

    /// <summary>A generic instance is its definition and its arguments; an array, pointer or by-ref is its element.</summary>
    private static IEnumerable<TypeReference> Flatten(TypeReference type) => type switch
    {
        GenericInstanceType generic => Flatten(generic.ElementType).Concat(generic.GenericArguments.SelectMany(Flatten)),
        TypeSpecification specification => Flatten(specification.ElementType),
        GenericParameter => [],
        _ => [type],
    };
}
