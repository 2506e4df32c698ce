using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Admin;

/// <summary>
/// Stores the instance administrator's registration mode (or clears it, so Kith__Registration applies again).
/// <see cref="RegistrationPolicy"/> reads it; this is the only code that writes it.
/// </summary>
public sealed class ChangeRegistrationMode(AppDbContext db, SecurityLogWriter securityLog)
{
    public async Task<bool> ChangeAsync(User administrator, RegistrationMode? mode, CancellationToken ct)
    {
        // The row exists once the first account does, and an administrator implies a first account.
        var state = await db.InstanceState.SingleOrDefaultAsync(ct);
        if (state is null) return false;
        if (state.Registration == mode) return true;
        var detail = $"registration {Describe(state.Registration)} -> {Describe(mode)}";
        state.Registration = mode;
        securityLog.Add(SecurityEventTypes.RegistrationModeChanged, administrator, detail);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static string Describe(RegistrationMode? mode) => mode?.ToString() ?? "configuration default";
}
