using System.Reflection;
using FluentValidation;
using MediatR;

namespace CharterTracker.Pipeline;

/// <summary>
/// MediatR 5.1.0 has no DI package this registry serves for it, so registration is done here: the mediator,
/// every handler found in the assembly, every validator, and the behaviours in the order they wrap a request.
/// </summary>
public static class MediatorRegistration
{
    public static IServiceCollection AddCharterMediator(this IServiceCollection services)
    {
        services.AddScoped<ServiceFactory>(provider => provider.GetService!);
        services.AddScoped<IMediator, Mediator>();

        foreach (var (service, implementation) in HandlerRegistrations(typeof(MediatorRegistration).Assembly))
        {
            services.AddTransient(service, implementation);
        }
        foreach (var type in ConcreteTypes(typeof(MediatorRegistration).Assembly))
        {
            foreach (var validator in type.GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IValidator<>)))
            {
                services.AddTransient(validator, type);
            }
        }

        // Outermost first: the audit scope sees every outcome, including a refusal or a validation error; the
        // transaction begins last, so the write lock is not held while access is checked and the request validated.
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(TransactionAndAuditBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(AuthorizationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(ValidationBehavior<,>));
        services.AddScoped(typeof(IPipelineBehavior<,>), typeof(CommandTransactionBehavior<,>));
        return services;
    }

    /// <summary>Every (IRequestHandler&lt;TRequest,TResponse&gt;, handler type) pair in the assembly.</summary>
    public static IEnumerable<(Type Service, Type Implementation)> HandlerRegistrations(Assembly assembly) =>
        from type in ConcreteTypes(assembly)
        from service in type.GetInterfaces()
        where service.IsGenericType && service.GetGenericTypeDefinition() == typeof(IRequestHandler<,>)
        select (service, type);

    private static IEnumerable<Type> ConcreteTypes(Assembly assembly) =>
        assembly.GetTypes().Where(type => type is { IsAbstract: false, IsInterface: false, IsGenericTypeDefinition: false });
}
