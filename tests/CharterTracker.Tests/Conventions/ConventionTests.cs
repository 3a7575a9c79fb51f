using System.Reflection;
using System.Text.RegularExpressions;
using CharterTracker.Access;
using CharterTracker.Offices;
using CharterTracker.Pipeline;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http;

namespace CharterTracker.Tests.Conventions;

/// <summary>
/// The shape every use case follows, read from the application assembly by reflection. A failure lists the
/// types that break the rule.
/// </summary>
public sealed partial class ConventionTests
{
    private static readonly Assembly App = typeof(CharterApp).Assembly;

    /// <summary>Commands that legitimately have no FluentValidation validator, each with the reason.</summary>
    private static readonly Dictionary<Type, string> CommandsWithoutValidator = new()
    {
        // The CSV is checked row by row in the handler: the errors are keyed by line number
        // ("lines[7].parentCode"), depend on the stored offices and on the other rows of the same file, and a
        // dry run must come back as a report listing every bad row rather than as a validation exception.
        [typeof(ImportOfficesCommand)] = "validated row by row in ImportOfficesHandler",
    };

    /// <summary>What a handler must not receive: the HTTP request belongs to the endpoint, not to the use case.</summary>
    private static readonly Type[] HttpTypes = [typeof(HttpContext), typeof(IHttpContextAccessor), typeof(HttpRequest)];

    private static readonly IReadOnlyList<(Type Service, Type Implementation)> Handlers =
        MediatorRegistration.HandlerRegistrations(App).ToList();

    private static readonly IReadOnlyList<Type> Requests = App.GetTypes()
        .Where(type => type is { IsAbstract: false, IsInterface: false } && Implements(type, typeof(IRequest<>)))
        .OrderBy(type => type.FullName, StringComparer.Ordinal)
        .ToList();

    private static readonly IReadOnlyList<Type> Commands = Requests.Where(type => Implements(type, typeof(ICommand<>))).ToList();

    private static readonly IReadOnlyList<Type> Queries = Requests.Where(type => Implements(type, typeof(IQuery<>))).ToList();

    private static readonly IReadOnlyList<Type> SelfCommitting = Requests.Where(type => Implements(type, typeof(ISelfCommittingCommand<>))).ToList();

    [Test]
    public void The_scan_finds_the_known_commands_queries_handlers_and_validators()
    {
        Assert.Multiple(() =>
        {
            Assert.That(Commands, Does.Contain(typeof(RegisterOfficeCommand)).And.Contain(typeof(RegisterUserCommand)));
            Assert.That(Queries, Does.Contain(typeof(GetOfficeQuery)).And.Contain(typeof(AuthenticateUserQuery)));
            Assert.That(Handlers.Select(handler => handler.Implementation), Does.Contain(typeof(RegisterOfficeHandler)).And.Contain(typeof(GetOfficeHandler)));
            Assert.That(ValidatedTypes(), Does.Contain(typeof(RegisterOfficeCommand)));
        });
    }

    [Test]
    public void Every_request_has_exactly_one_handler()
    {
        var offenders = Requests
            .Select(request => (request, handlers: Handlers.Where(handler => handler.Service.GetGenericArguments()[0] == request).Select(handler => handler.Implementation.Name).ToList()))
            .Where(pair => pair.handlers.Count != 1)
            .Select(pair => $"{pair.request.Name} ({(pair.handlers.Count == 0 ? "no handler" : string.Join(", ", pair.handlers))})")
            .ToList();

        Assert.That(offenders, Is.Empty, "requests without exactly one IRequestHandler: " + string.Join("; ", offenders));
    }

    [Test]
    public void Every_request_is_a_command_or_a_query_and_so_declares_its_access_demands()
    {
        var offenders = Requests.Except(Commands).Except(Queries).Except(SelfCommitting).Select(type => type.Name).ToList();

        Assert.That(offenders, Is.Empty, "requests that are neither ICommand<>, ISelfCommittingCommand<> nor IQuery<>: " + string.Join(", ", offenders));
        Assert.That(SelfCommitting.Select(type => type.Name), Is.EqualTo(new[] { "DeliverOutboxCommand" }),
            "commands that commit in steps of their own are the exception: each needs a reason (see ISelfCommittingCommand)");
    }

    [Test]
    public void Every_command_has_a_validator_or_is_listed_as_needing_none()
    {
        var validated = ValidatedTypes();
        var offenders = Commands.Where(command => !validated.Contains(command) && !CommandsWithoutValidator.ContainsKey(command)).Select(type => type.Name).ToList();

        Assert.That(offenders, Is.Empty, "commands without an IValidator<T> and not in CommandsWithoutValidator: " + string.Join(", ", offenders));
    }

    [Test]
    public void Commands_listed_as_needing_no_validator_are_commands_and_have_none()
    {
        var validated = ValidatedTypes();
        var offenders = CommandsWithoutValidator.Keys
            .Where(type => !Commands.Contains(type) || validated.Contains(type))
            .Select(type => $"{type.Name} ({(Commands.Contains(type) ? "has a validator now: remove it from the list" : "is not a command")})")
            .ToList();

        Assert.That(offenders, Is.Empty, "stale entries in CommandsWithoutValidator: " + string.Join(", ", offenders));
    }

    [Test]
    public void No_handler_constructor_takes_HttpContext_IHttpContextAccessor_or_HttpRequest()
    {
        var offenders = (
                from handler in Handlers.Select(handler => handler.Implementation).Distinct()
                from constructor in handler.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance)
                from parameter in constructor.GetParameters()
                where HttpTypes.Any(http => http.IsAssignableFrom(parameter.ParameterType))
                select $"{handler.Name}({parameter.ParameterType.Name} {parameter.Name})")
            .Distinct()
            .ToList();

        Assert.That(offenders, Is.Empty, "handlers that depend on the HTTP request: " + string.Join(", ", offenders));
    }

    [Test]
    public void Handler_types_are_sealed()
    {
        var offenders = Handlers.Select(handler => handler.Implementation).Distinct().Where(type => !type.IsSealed).Select(type => type.Name).ToList();

        Assert.That(offenders, Is.Empty, "handlers that are not sealed: " + string.Join(", ", offenders));
    }

    [Test]
    public void Request_type_names_end_in_Command_or_Query()
    {
        var offenders = Requests.Where(type => !type.Name.EndsWith("Command", StringComparison.Ordinal) && !type.Name.EndsWith("Query", StringComparison.Ordinal))
            .Select(type => type.Name)
            .ToList();

        Assert.That(offenders, Is.Empty, "requests named neither …Command nor …Query: " + string.Join(", ", offenders));
    }

    [Test]
    public void A_command_is_named_Command_and_a_query_is_named_Query()
    {
        var offenders = Commands.Where(type => !type.Name.EndsWith("Command", StringComparison.Ordinal)).Select(type => $"{type.Name} (an ICommand)")
            .Concat(Queries.Where(type => !type.Name.EndsWith("Query", StringComparison.Ordinal)).Select(type => $"{type.Name} (an IQuery)"))
            .ToList();

        Assert.That(offenders, Is.Empty, "requests whose name says the other kind: " + string.Join(", ", offenders));
    }

    [Test]
    public void Every_handler_is_named_for_its_request_with_Command_or_Query_replaced_by_Handler()
    {
        var offenders = Handlers
            .Select(handler => (handler.Implementation, Expected: RequestSuffix().Replace(handler.Service.GetGenericArguments()[0].Name, "Handler")))
            .Where(handler => handler.Implementation.Name != handler.Expected)
            .Select(handler => $"{handler.Implementation.Name} (expected {handler.Expected})")
            .ToList();

        Assert.That(offenders, Is.Empty, "handlers not named after their request: " + string.Join(", ", offenders));
    }

    private static bool Implements(Type type, Type genericInterface) =>
        type.GetInterfaces().Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == genericInterface);

    /// <summary>The T of every concrete IValidator&lt;T&gt; in the assembly.</summary>
    private static HashSet<Type> ValidatedTypes() =>
        App.GetTypes()
            .Where(type => type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false })
            .SelectMany(type => type.GetInterfaces())
            .Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>))
            .Select(i => i.GetGenericArguments()[0])
            .ToHashSet();

    [GeneratedRegex("(Command|Query)$")]
    private static partial Regex RequestSuffix();
}
