using Kith.Data;
using Kith.Features.Account;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Infrastructure;

/// <summary>Direct reads of the database behind a factory, for asserting what was (not) written.</summary>
public static class Database
{
    public static async Task<T> QueryAsync<T>(this KithFactory factory, Func<AppDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public static Task<User?> UserAsync(this KithFactory factory, string email)
    {
        var normalized = email.ToUpperInvariant();
        return factory.QueryAsync(db => db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.NormalizedEmail == normalized));
    }

    public static Task<bool> HasEventAsync(this KithFactory factory, string type, Guid? userId = null) =>
        factory.QueryAsync(db => db.SecurityEvents.AnyAsync(e => e.Type == type && (userId == null || e.UserId == userId)));
}
