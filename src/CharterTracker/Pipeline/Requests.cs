using CharterTracker.Access;
using MediatR;

namespace CharterTracker.Pipeline;

/// <summary>
/// A use case that changes state: it runs in one transaction and leaves one audit row, whatever its outcome.
/// </summary>
public interface ICommand<out TResult> : IRequest<TResult>, IAccessControlled;

/// <summary>
/// A use case that changes state in many short transactions of its own because it talks to the outside world in
/// between (sending email): one command-wide transaction would hold the database's write lock during network calls.
/// Its work must be idempotent per step; the job run that sends it is recorded instead of an audit row.
/// </summary>
public interface ISelfCommittingCommand<out TResult> : IRequest<TResult>, IAccessControlled;

/// <summary>A use case that only reads: no transaction, no audit row.</summary>
public interface IQuery<out TResult> : IRequest<TResult>, IAccessControlled;

/// <summary>Every request says which access it needs; the authorization behaviour checks it before the handler runs.</summary>
public interface IAccessControlled
{
    IEnumerable<AccessDemand> AccessDemands();
}

/// <summary>Result of a command that created or changed one record: the audit row names it.</summary>
public interface IIdentifiedResult
{
    long Id { get; }
}
