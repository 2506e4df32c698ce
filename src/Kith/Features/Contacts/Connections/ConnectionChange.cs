namespace Kith.Features.Contacts.Connections;

public enum ConnectionOutcome
{
    Done,

    /// <summary>The contact, group or company is not in the caller's vault: the page answers 404.</summary>
    NotFound,

    /// <summary>The request makes no sense (a type of another account, a self-relationship): 422 with <see cref="ConnectionChange.Message"/>.</summary>
    Refused,
}

public sealed record ConnectionChange(ConnectionOutcome Outcome, string? Message = null, Guid? Id = null)
{
    public static readonly ConnectionChange NotFound = new(ConnectionOutcome.NotFound);

    public static ConnectionChange Done(Guid? id = null) => new(ConnectionOutcome.Done, null, id);

    public static ConnectionChange Refuse(string message) => new(ConnectionOutcome.Refused, message);
}
