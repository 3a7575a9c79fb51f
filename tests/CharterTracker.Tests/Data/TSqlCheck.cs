using System.Text.RegularExpressions;
using Microsoft.SqlServer.TransactSql.ScriptDom;

namespace CharterTracker.Tests.Data;

/// <summary>
/// Checks T-SQL without a server: SQL Server 2022's own parser (ScriptDom's <see cref="TSql160Parser"/>) must accept
/// the text, every table it names must be one the <c>db/sqlserver</c> scripts create, every column must belong to a
/// table, CTE, derived table or select-list alias in scope, and every function must be one SQL Server has. This is
/// what catches SQLite-only syntax in a portable string: <c>LIMIT</c>, <c>INSERT OR …</c> and <c>ON CONFLICT</c> do
/// not parse; <c>||</c> parses (SQL Server 2025 has it) but is refused for the 2022 servers; <c>datetime('now')</c> is
/// no SQL Server function; <c>true</c>/<c>false</c> read as columns that do not exist.
/// </summary>
public sealed partial class TSqlCheck
{
    /// <summary>Table → its columns, from the CREATE TABLE and ALTER TABLE … ADD statements given.</summary>
    private readonly Dictionary<string, HashSet<string>> _tables = new(StringComparer.OrdinalIgnoreCase);

    public TSqlCheck(IEnumerable<string> schemaBatches)
    {
        foreach (var batch in schemaBatches)
        {
            var (fragment, errors) = Parse(batch);
            if (errors.Count > 0) throw new ArgumentException($"The schema does not parse: {errors[0]}\n{batch}");
            fragment.Accept(new SchemaReader(_tables));
        }
    }

    public IReadOnlyDictionary<string, HashSet<string>> Tables => _tables;

    /// <summary>What is wrong with one statement (or batch) as SQL Server would see it; empty when nothing is.</summary>
    public IReadOnlyList<string> Problems(string sql)
    {
        var (fragment, errors) = Parse(ExpandDapperLists(sql));
        if (errors.Count > 0) return errors;
        var resolver = new Resolver(_tables);
        resolver.KnowCtes(fragment);
        fragment.Accept(resolver);
        return resolver.Problems;
    }

    /// <summary>
    /// Dapper turns <c>IN @ids</c> into <c>IN (@ids1, @ids2, …)</c> before the text reaches the server, so the check
    /// does the same (the parentheses are not in the source text).
    /// </summary>
    internal static string ExpandDapperLists(string sql) => DapperList().Replace(sql, "IN (${name}1, ${name}2)");

    [GeneratedRegex(@"\bIN\s+(?<name>@\w+)", RegexOptions.IgnoreCase)]
    private static partial Regex DapperList();

    private static (TSqlFragment Fragment, IReadOnlyList<string> Errors) Parse(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        var fragment = parser.Parse(reader, out var errors);
        return (fragment, errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}").ToList());
    }

    private static string Name(SchemaObjectName name) => name.BaseIdentifier.Value;

    private sealed class SchemaReader(Dictionary<string, HashSet<string>> tables) : TSqlFragmentVisitor
    {
        public override void Visit(CreateTableStatement node)
        {
            var columns = tables.TryGetValue(Name(node.SchemaObjectName), out var existing) ? existing : new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            foreach (var column in node.Definition.ColumnDefinitions) columns.Add(column.ColumnIdentifier.Value);
            tables[Name(node.SchemaObjectName)] = columns;
        }

        public override void Visit(AlterTableAddTableElementStatement node)
        {
            if (!tables.TryGetValue(Name(node.SchemaObjectName), out var columns)) return; // the resolver reports the table
            foreach (var column in node.Definition.ColumnDefinitions) columns.Add(column.ColumnIdentifier.Value);
        }

        public override void Visit(AlterTableDropTableElementStatement node)
        {
            if (!tables.TryGetValue(Name(node.SchemaObjectName), out var columns)) return;
            foreach (var element in node.AlterTableDropTableElements.Where(e => e.TableElementType == TableElementType.Column))
            {
                columns.Remove(element.Name.Value);
            }
        }

        public override void Visit(DropTableStatement node)
        {
            foreach (var name in node.Objects) tables.Remove(Name(name));
        }
    }

    private sealed class CteReader(Dictionary<string, IReadOnlySet<string>?> ctes) : TSqlFragmentVisitor
    {
        public override void Visit(CommonTableExpression cte) =>
            ctes[cte.ExpressionName.Value] = cte.Columns.Count > 0
                ? cte.Columns.Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase)
                : OutputColumns(cte.QueryExpression);
    }

    /// <summary>The names a query's rows carry (its select list); null when it has a <c>*</c>.</summary>
    private static IReadOnlySet<string>? OutputColumns(QueryExpression query)
    {
        switch (query)
        {
            case QuerySpecification specification:
                var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
                foreach (var element in specification.SelectElements)
                {
                    switch (element)
                    {
                        case SelectStarExpression:
                            return null;
                        case SelectScalarExpression { ColumnName: { } alias }:
                            names.Add(alias.Value);
                            break;
                        case SelectScalarExpression { Expression: ColumnReferenceExpression { MultiPartIdentifier: { } identifier } }:
                            names.Add(identifier.Identifiers[^1].Value);
                            break;
                    }
                }
                return names;
            case BinaryQueryExpression union:
                return OutputColumns(union.FirstQueryExpression);
            case QueryParenthesisExpression parenthesis:
                return OutputColumns(parenthesis.QueryExpression);
            default:
                return null;
        }
    }

    /// <summary>A name a column can be read through: a table, a CTE or a derived table (null columns: any).</summary>
    private sealed record Source(string Name, string? Alias, IReadOnlySet<string>? Columns);

    private sealed class Resolver(Dictionary<string, HashSet<string>> tables) : TSqlFragmentVisitor
    {
        private readonly Stack<List<Source>> _scopes = new();
        private readonly Stack<HashSet<string>> _selectAliases = new();
        private readonly Dictionary<string, IReadOnlySet<string>?> _ctes = new(StringComparer.OrdinalIgnoreCase);
        private readonly HashSet<TSqlFragment> _notColumns = [];

        public List<string> Problems { get; } = [];

        /// <summary>Every CTE name is known before anything is resolved (a recursive CTE reads itself).</summary>
        public void KnowCtes(TSqlFragment fragment) => fragment.Accept(new CteReader(_ctes));

        // A table's own definition names its columns; it does not read them.
        public override void ExplicitVisit(CreateTableStatement node)
        {
        }

        public override void ExplicitVisit(AlterTableAddTableElementStatement node)
        {
        }

        public override void ExplicitVisit(CreateIndexStatement node)
        {
            var table = Name(node.OnName);
            if (!tables.TryGetValue(table, out var columns))
            {
                Problems.Add($"unknown table {table} (index {node.Name.Value})");
                return;
            }
            var named = node.Columns.Select(c => c.Column).Concat(node.IncludeColumns)
                .Select(c => c.MultiPartIdentifier.Identifiers[^1].Value);
            Problems.AddRange(named.Where(c => !columns.Contains(c)).Select(c => $"unknown column {table}.{c} (index {node.Name.Value})"));
        }

        public override void ExplicitVisit(QuerySpecification node)
        {
            var sources = new List<Source>();
            foreach (var reference in node.FromClause?.TableReferences ?? []) Collect(reference, sources);
            var aliases = node.SelectElements.OfType<SelectScalarExpression>().Where(e => e.ColumnName is not null)
                .Select(e => e.ColumnName.Value).ToHashSet(StringComparer.OrdinalIgnoreCase);
            In(sources, aliases, () => base.ExplicitVisit(node));
        }

        public override void ExplicitVisit(SelectStatement node)
        {
            // ORDER BY of a UNION, or of the outer query, may name the select list's aliases.
            var aliases = OutputColumns(node.QueryExpression) ?? new HashSet<string>();
            In([], aliases.ToHashSet(StringComparer.OrdinalIgnoreCase), () => base.ExplicitVisit(node));
        }

        public override void ExplicitVisit(UpdateSpecification node) =>
            In(Sources(node.Target, node.FromClause), [], () => base.ExplicitVisit(node));

        public override void ExplicitVisit(DeleteSpecification node) =>
            In(Sources(node.Target, node.FromClause), [], () => base.ExplicitVisit(node));

        public override void ExplicitVisit(InsertSpecification node) =>
            In(Sources(node.Target, null), [], () => base.ExplicitVisit(node));

        public override void ExplicitVisit(MergeSpecification node)
        {
            var sources = Sources(node.Target, null);
            if (node.TableAlias is { } alias) sources = sources.Select(s => s with { Alias = alias.Value }).ToList();
            Collect(node.TableReference, sources);
            In(sources, [], () => base.ExplicitVisit(node));
        }

        public override void Visit(FunctionCall node)
        {
            var name = node.FunctionName.Value;
            if (node.CallTarget is null && !BuiltIns.Contains(name))
            {
                Problems.Add($"{name}() is not a SQL Server function");
            }
            if (DatePartFunctions.Contains(name) && node.Parameters.Count > 0) _notColumns.Add(node.Parameters[0]);
        }

        // The parser also knows SQL Server 2025's || (and so accepts it); the servers this product runs on (2022) do not.
        public override void Visit(BinaryExpression node)
        {
            if (node.BinaryExpressionType == BinaryExpressionType.Concat) Problems.Add("|| is not string concatenation before SQL Server 2025: use +");
        }

        public override void Visit(NamedTableReference node)
        {
            var name = Name(node.SchemaObject);
            var schema = node.SchemaObject.SchemaIdentifier?.Value;
            if (schema is not null && !schema.Equals("dbo", StringComparison.OrdinalIgnoreCase)) return; // sys.*, INFORMATION_SCHEMA.*
            if (name.StartsWith('#') || tables.ContainsKey(name) || _ctes.ContainsKey(name)) return;
            // A trigger's pseudo-tables (db 0018): the rows of its own table before and after the statement.
            if (node.SchemaObject.SchemaIdentifier is null && name.ToLowerInvariant() is "inserted" or "deleted") return;
            if (node.SchemaObject.SchemaIdentifier is null && _scopes.Any(scope => scope.Any(s => Is(s.Alias, name)))) return; // UPDATE alias … FROM
            Problems.Add($"unknown table {name}");
        }

        public override void Visit(ColumnReferenceExpression node)
        {
            if (node.ColumnType != ColumnType.Regular || node.MultiPartIdentifier is null || _notColumns.Contains(node)) return;
            var parts = node.MultiPartIdentifier.Identifiers.Select(i => i.Value).ToList();
            var column = parts[^1];
            if (parts.Count >= 2)
            {
                var qualifier = parts[^2];
                if (qualifier.Equals("inserted", StringComparison.OrdinalIgnoreCase) || qualifier.Equals("deleted", StringComparison.OrdinalIgnoreCase))
                {
                    if (_scopes.SelectMany(scope => scope).FirstOrDefault() is { Columns: var target } && target is not null && !target.Contains(column))
                    {
                        Problems.Add($"unknown column {qualifier}.{column}");
                    }
                    return;
                }
                var source = _scopes.SelectMany(scope => scope).FirstOrDefault(s => Is(s.Alias ?? s.Name, qualifier) || (s.Alias is null && Is(s.Name, qualifier)));
                if (source is null) Problems.Add($"unknown table or alias {qualifier} (in {qualifier}.{column})");
                else if (source.Columns is not null && !source.Columns.Contains(column)) Problems.Add($"unknown column {qualifier}.{column} ({source.Name} has no such column)");
                return;
            }
            var found = _scopes.SelectMany(scope => scope).Any(s => s.Columns is null || s.Columns.Contains(column))
                        || _selectAliases.Any(aliases => aliases.Contains(column));
            if (!found) Problems.Add($"unknown column {column}");
        }

        private void In(List<Source> sources, HashSet<string> aliases, Action visit)
        {
            _scopes.Push(sources);
            _selectAliases.Push(aliases);
            try
            {
                visit();
            }
            finally
            {
                _scopes.Pop();
                _selectAliases.Pop();
            }
        }

        private List<Source> Sources(TableReference target, FromClause? from)
        {
            var sources = new List<Source>();
            foreach (var reference in from?.TableReferences ?? []) Collect(reference, sources);
            // UPDATE o SET … FROM Offices o: the target is an alias of the FROM clause, not a second table.
            if (target is NamedTableReference { SchemaObject.SchemaIdentifier: null } named && sources.Any(s => Is(s.Alias, Name(named.SchemaObject))))
            {
                return sources;
            }
            Collect(target, sources);
            return sources;
        }

        private void Collect(TableReference reference, List<Source> sources)
        {
            switch (reference)
            {
                case NamedTableReference named:
                    var name = Name(named.SchemaObject);
                    var columns = tables.TryGetValue(name, out var tableColumns) ? tableColumns
                        : _ctes.TryGetValue(name, out var cteColumns) ? cteColumns
                        : null;
                    sources.Add(new Source(name, named.Alias?.Value, columns));
                    break;
                case QueryDerivedTable derived:
                    sources.Add(new Source(derived.Alias?.Value ?? "", derived.Alias?.Value,
                        derived.Columns.Count > 0 ? derived.Columns.Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase) : OutputColumns(derived.QueryExpression)));
                    break;
                case InlineDerivedTable values:
                    sources.Add(new Source(values.Alias?.Value ?? "", values.Alias?.Value, values.Columns.Select(c => c.Value).ToHashSet(StringComparer.OrdinalIgnoreCase)));
                    break;
                case JoinTableReference join:
                    Collect(join.FirstTableReference, sources);
                    Collect(join.SecondTableReference, sources);
                    break;
                case JoinParenthesisTableReference parenthesis:
                    Collect(parenthesis.Join, sources);
                    break;
                case TableReferenceWithAlias other:
                    sources.Add(new Source(other.Alias?.Value ?? "", other.Alias?.Value, null)); // table-valued functions, OPENJSON …
                    break;
            }
        }

        private static bool Is(string? a, string b) => a is not null && a.Equals(b, StringComparison.OrdinalIgnoreCase);
    }

    private static readonly HashSet<string> DatePartFunctions = new(StringComparer.OrdinalIgnoreCase)
    {
        "DATEADD", "DATEDIFF", "DATEDIFF_BIG", "DATEPART", "DATENAME", "DATETRUNC", "DATE_BUCKET",
    };

    /// <summary>SQL Server's built-in functions (scalar, aggregate, ranking) that a portable or T-SQL statement may call.</summary>
    private static readonly HashSet<string> BuiltIns = new(StringComparer.OrdinalIgnoreCase)
    {
        // aggregates and windows
        "COUNT", "COUNT_BIG", "SUM", "MIN", "MAX", "AVG", "STDEV", "STDEVP", "VAR", "VARP", "STRING_AGG", "GROUPING", "CHECKSUM_AGG",
        "ROW_NUMBER", "RANK", "DENSE_RANK", "NTILE", "LAG", "LEAD", "FIRST_VALUE", "LAST_VALUE", "PERCENT_RANK", "CUME_DIST",
        // logical and conversion
        "COALESCE", "ISNULL", "NULLIF", "IIF", "CHOOSE", "CAST", "CONVERT", "TRY_CAST", "TRY_CONVERT", "PARSE", "TRY_PARSE", "GREATEST", "LEAST",
        // strings
        "LEN", "DATALENGTH", "SUBSTRING", "LEFT", "RIGHT", "UPPER", "LOWER", "LTRIM", "RTRIM", "TRIM", "REPLACE", "CHARINDEX", "PATINDEX",
        "CONCAT", "CONCAT_WS", "REPLICATE", "REVERSE", "STUFF", "FORMAT", "STR", "SPACE", "QUOTENAME", "UNICODE", "NCHAR", "CHAR", "ASCII",
        "TRANSLATE", "STRING_ESCAPE", "SOUNDEX", "DIFFERENCE",
        // numbers
        "ABS", "ROUND", "FLOOR", "CEILING", "POWER", "SQRT", "SIGN", "EXP", "LOG", "LOG10", "PI", "RAND",
        // dates
        "GETDATE", "GETUTCDATE", "SYSDATETIME", "SYSUTCDATETIME", "SYSDATETIMEOFFSET", "CURRENT_TIMESTAMP", "DATEADD", "DATEDIFF",
        "DATEDIFF_BIG", "DATEPART", "DATENAME", "DATETRUNC", "DATE_BUCKET", "DATEFROMPARTS", "DATETIME2FROMPARTS", "EOMONTH", "YEAR",
        "MONTH", "DAY", "ISDATE", "SWITCHOFFSET", "TODATETIMEOFFSET",
        // system and JSON
        "OBJECT_ID", "COL_LENGTH", "SCOPE_IDENTITY", "IDENT_CURRENT", "NEWID", "NEWSEQUENTIALID", "DB_NAME", "DB_ID", "SCHEMA_NAME",
        "OBJECT_NAME", "INDEXPROPERTY", "COLUMNPROPERTY", "SERVERPROPERTY", "DATABASEPROPERTYEX", "HASHBYTES", "CRYPT_GEN_RANDOM", "CHECKSUM", "BINARY_CHECKSUM",
        "ISJSON", "JSON_VALUE", "JSON_QUERY", "JSON_MODIFY", "OPENJSON", "STRING_SPLIT", "APP_NAME", "HOST_NAME", "SUSER_SNAME", "ERROR_MESSAGE",
        "ERROR_NUMBER", "XACT_STATE", "TRY_CAST",
    };
}
