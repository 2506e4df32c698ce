using Kith.Data;
using Kith.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Features.Account;

/// <summary>The registration mode in force, where it comes from, and whether the first account exists.</summary>
public sealed record RegistrationSetting(RegistrationMode Mode, RegistrationMode Configured, bool IsOverridden, bool HasFirstAccount);

/// <summary>
/// The single answer to "may a new account be created now?". Every path that creates a user asks it
/// (the registration page here; invitations and the operator CLI state their own exemption explicitly).
/// The instance administrator's choice, stored with the instance, takes precedence over Kith__Registration.
/// </summary>
public sealed class RegistrationPolicy(AppDbContext db, IOptionsMonitor<KithOptions> options)
{
    /// <summary>Invitations work in every mode but Closed, which stops every way in.</summary>
    public async Task<bool> AllowsInvitationsAsync(CancellationToken ct) => (await CurrentAsync(ct)).Mode != RegistrationMode.Closed;

    public async Task<bool> AllowsSelfRegistrationAsync(CancellationToken ct)
    {
        var setting = await CurrentAsync(ct);
        return setting.Mode switch
        {
            RegistrationMode.Open => true,
            RegistrationMode.FirstAccountOnly => !setting.HasFirstAccount,
            _ => false,
        };
    }

    public async Task<RegistrationSetting> CurrentAsync(CancellationToken ct)
    {
        var configured = options.CurrentValue.Registration;
        // One query: the singleton row exists once the first account does, and carries any stored choice.
        var state = await db.InstanceState.AsNoTracking().Select(s => new { s.Registration }).SingleOrDefaultAsync(ct);
        return new RegistrationSetting(state?.Registration ?? configured, configured, state?.Registration is not null, state is not null);
    }
}
