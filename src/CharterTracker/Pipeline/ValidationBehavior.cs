using CharterTracker.Data;
using FluentValidation;
using MediatR;

namespace CharterTracker.Pipeline;

/// <summary>Runs every validator of the request; all failures come back at once, keyed by camelCase field name.</summary>
public sealed class ValidationBehavior<TRequest, TResponse>(IEnumerable<IValidator<TRequest>> validators)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        using (Spans.Start("validation"))
        {
            foreach (var validator in validators)
            {
                var result = await validator.ValidateAsync(new ValidationContext<TRequest>(request), cancellationToken);
                failures.AddRange(result.Errors);
            }
        }
        if (failures.Count > 0)
        {
            throw new RequestValidationException(failures
                .GroupBy(failure => FieldName(failure.PropertyName))
                .ToDictionary(group => group.Key, group => group.Select(failure => failure.ErrorMessage).Distinct().ToArray()));
        }
        return await next();
    }

    /// <summary>"Chair.Name" → "chair.name", "Attendees[0].Name" → "attendees[0].name": the JSON names clients sent.</summary>
    public static string FieldName(string propertyPath) =>
        string.Join('.', propertyPath.Split('.').Select(segment =>
            segment.Length == 0 ? segment : char.ToLowerInvariant(segment[0]) + segment[1..]));
}
