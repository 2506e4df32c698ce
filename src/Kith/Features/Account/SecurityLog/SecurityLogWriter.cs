using System.Diagnostics;
using Kith.Data;

namespace Kith.Features.Account.SecurityLog;

/// <summary>
/// Records security events with who, from where and when. <see cref="Add"/> joins the caller's unit of work;
/// <see cref="WriteAsync"/> saves at once (for failures, where nothing else is saved).
/// </summary>
public sealed class SecurityLogWriter(AppDbContext db, IHttpContextAccessor http, TimeProvider clock, ILogger<SecurityLogWriter> logger)
{
    public void Add(string type, User? user = null, string? detail = null) =>
        Add(type, user?.Id, user?.AccountId, detail);

    public void Add(string type, Guid? userId, Guid? accountId, string? detail = null)
    {
        var context = http.HttpContext;
        var correlationId = Activity.Current?.TraceId.ToString() ?? context?.TraceIdentifier;
        db.SecurityEvents.Add(SecurityEvent.Record(type, clock.GetUtcNow().UtcDateTime, userId, accountId,
            context?.Connection.RemoteIpAddress?.ToString(), context?.Request.Headers.UserAgent.ToString(), correlationId, detail));
        logger.LogInformation("Security event {SecurityEventType} for user {UserId}", type, userId);
    }

    public async Task WriteAsync(string type, User? user = null, string? detail = null, CancellationToken ct = default)
    {
        Add(type, user, detail);
        await db.SaveChangesAsync(ct);
    }

    public async Task WriteAsync(string type, Guid? userId, Guid? accountId, string? detail, CancellationToken ct)
    {
        Add(type, userId, accountId, detail);
        await db.SaveChangesAsync(ct);
    }
}
