namespace CharterTracker.Tests.Conventions;

/// <summary>
/// The application's floors, read from its IL (<see cref="NamespaceDependencies"/>). A part uses only its own floor
/// and the floors below, and no parts use each other in a circle, so a feature can be read, changed and tested
/// from the floors beneath it alone. A failure names the types that make the forbidden dependency.
/// </summary>
public sealed class DependencyTests
{
    /// <summary>
    /// Bottom to top. A new folder under src/CharterTracker must be placed here (a test says so): a feature goes on
    /// the features floor, and the cycle test then keeps it from a circle with the other features.
    /// </summary>
    private static readonly string[][] Floors =
    [
        // The ground: connections, dialects and migrations; fiscal periods and Bengali dates; the options.
        ["Data", "Calendar", NamespaceDependencies.Configuration],
        // What every request goes through: the MediatR pipeline (transaction, audit, validation, problem details)
        // and the access rules it enforces. See KernelCircle for the one circle allowed between them.
        ["Pipeline", "Access"],
        // The features, each a folder of use cases. They may use each other, never in a circle.
        [
            "Offices", "ActionPlans", "Scoring", "Activities", "Evidence", "CharterUpdates", "Meetings", "Trainings", "Reports",
            "Monitoring", "Documents", "Deadlines", "Scheduling", "Auditing",
            "Awards",
            "Kaizen",
            "Charters",
            "SpotChecks",
            "QualitySystems",
        ],
        // What puts the features in front of people and together: pages, the demo set, the composition root.
        ["Web", "Demo", NamespaceDependencies.CompositionRoot],
    ];

    /// <summary>
    /// The one circle allowed: a request declares its access demands (Pipeline names Access's demand and policy, and
    /// the audit row names the current user), while Access's own use cases (users, focal points, tokens) are requests
    /// that throw the pipeline's problems. Neither reaches any feature.
    /// </summary>
    private static readonly string[] KernelCircle = ["Access", "Pipeline"];

    private static readonly NamespaceDependencies Graph = NamespaceDependencies.Of(typeof(CharterApp).Assembly.Location);

    private static int FloorOf(string part) => Array.FindIndex(Floors, floor => floor.Contains(part));

    [Test]
    public void The_scan_sees_the_known_dependencies()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Graph.Parts, Does.Contain("Offices").And.Contain("Data").And.Contain("Web").And.Contain(NamespaceDependencies.CompositionRoot));
            // A handler's constructor and its SQL (method body) use DbSession; a page's lambda sends a feature's query.
            Assert.That(Graph.Uses["Offices"], Does.Contain("Data").And.Contain("Pipeline"));
            Assert.That(Graph.Uses["Web"], Does.Contain("Offices"));
        });
    }

    [Test]
    public void Every_part_has_a_floor()
    {
        var unplaced = Graph.Parts.Where(part => FloorOf(part) < 0).ToList();

        Assert.That(unplaced, Is.Empty, "parts of the application on no floor of DependencyTests.Floors (place each): " + string.Join(", ", unplaced));
    }

    [Test]
    public void No_part_uses_a_floor_above_its_own()
    {
        var offenders = (
                from pair in Graph.Uses
                from used in pair.Value
                where FloorOf(pair.Key) >= 0 && FloorOf(used) > FloorOf(pair.Key)
                select $"{pair.Key} uses {used}, a floor above it ({string.Join("; ", Graph.Why(pair.Key, used))})")
            .ToList();

        Assert.That(offenders, Is.Empty, "dependencies that point up:\n" + string.Join("\n", offenders));
    }

    [Test]
    public void No_parts_use_each_other_in_a_circle()
    {
        var circles = StronglyConnected(Graph.Uses)
            .Where(circle => circle.Count > 1 && !circle.SequenceEqual(KernelCircle))
            .Select(Describe)
            .ToList();

        Assert.That(circles, Is.Empty, "parts that depend on each other in a circle (break each dependency listed):\n" + string.Join("\n", circles));
    }

    /// <summary>A circle and, for each dependency inside it, the types that make it.</summary>
    private static string Describe(IReadOnlyList<string> circle) =>
        $"{string.Join(" ↔ ", circle)}:\n" + string.Join("\n",
            from user in circle
            from used in Graph.Uses[user]
            where circle.Contains(used)
            select $"  {user} → {used}: {string.Join("; ", Graph.Why(user, used))}");

    /// <summary>Tarjan's strongly connected components; each sorted by name, so that a circle reads the same every run.</summary>
    private static List<List<string>> StronglyConnected(IReadOnlyDictionary<string, SortedSet<string>> uses)
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var stack = new Stack<string>();
        var onStack = new HashSet<string>();
        var components = new List<List<string>>();

        void Visit(string part)
        {
            index[part] = low[part] = index.Count;
            stack.Push(part);
            onStack.Add(part);
            foreach (var used in uses.GetValueOrDefault(part) ?? [])
            {
                if (!index.ContainsKey(used))
                {
                    Visit(used);
                    low[part] = Math.Min(low[part], low[used]);
                }
                else if (onStack.Contains(used))
                {
                    low[part] = Math.Min(low[part], index[used]);
                }
            }
            if (low[part] != index[part]) return;
            var component = new List<string>();
            string member;
            do
            {
                member = stack.Pop();
                onStack.Remove(member);
                component.Add(member);
            }
            while (member != part);
            components.Add(component.Order(StringComparer.Ordinal).ToList());
        }

        foreach (var part in uses.Keys.Order(StringComparer.Ordinal))
        {
            if (!index.ContainsKey(part)) Visit(part);
        }
        return components;
    }
}
