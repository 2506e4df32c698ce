using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.SecurityLog;

/// <summary>Filters of the security log pages; every field is optional and bound from the query string.</summary>
public sealed record SecurityLogFilter
{
    public Guid? UserId { get; set; }

    [StringLength(FieldLengths.EventType)]
    public string? Type { get; set; }

    [DataType(DataType.Date)]
    public DateOnly? From { get; set; }

    [DataType(DataType.Date)]
    public DateOnly? To { get; set; }

    [Range(1, 10_000)]
    public int Page { get; set; } = 1;
}

public sealed record SecurityEventView(Guid Id, DateTime OccurredAt, string Type, string? UserName, string? IpAddress, string? UserAgent, string? Detail);

public sealed record SecurityLogPage(IReadOnlyList<SecurityEventView> Events, int Page, bool HasMore);

/// <summary>Reads one page of security events; the caller decides the scope (an account, or one user).</summary>
public static class SecurityLogQuery
{
    public const int PageSize = 50;

    public static async Task<SecurityLogPage> PageAsync(AppDbContext db, IQueryable<SecurityEvent> scope, SecurityLogFilter filter, CancellationToken ct)
    {
        var events = scope;
        if (filter.UserId is { } userId) events = events.Where(e => e.UserId == userId);
        if (!string.IsNullOrWhiteSpace(filter.Type)) events = events.Where(e => e.Type == filter.Type);
        if (filter.From is { } from)
        {
            var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            events = events.Where(e => e.OccurredAt >= start);
        }
        if (filter.To is { } to)
        {
            var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
            events = events.Where(e => e.OccurredAt < end);
        }
        var page = Math.Clamp(filter.Page, 1, 10_000);
        var rows = await events
            .OrderByDescending(e => e.OccurredAt).ThenByDescending(e => e.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(e => new SecurityEventView(e.Id, e.OccurredAt, e.Type,
                db.Users.Where(u => u.Id == e.UserId).Select(u => u.DisplayName).FirstOrDefault(),
                e.IpAddress, e.UserAgent, e.Detail))
            .ToListAsync(ct);
        return new(rows.Take(PageSize).ToList(), page, rows.Count > PageSize);
    }
}
