using Kith.Data;
using Kith.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Features.Account;

/// <summary>
/// The single answer to "may a new account be created now?". Every path that creates a user asks it
/// (the registration page here; invitations and the operator CLI state their own exemption explicitly).
/// </summary>
public sealed class RegistrationPolicy(AppDbContext db, IOptionsMonitor<KithOptions> options)
{
    /// <summary>Invitations work in every mode but Closed, which stops every way in.</summary>
    public Task<bool> AllowsInvitationsAsync(CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        return Task.FromResult(options.CurrentValue.Registration != RegistrationMode.Closed);
    }

    public async Task<bool> AllowsSelfRegistrationAsync(CancellationToken ct) => options.CurrentValue.Registration switch
    {
        RegistrationMode.Open => true,
        RegistrationMode.FirstAccountOnly => !await db.InstanceState.AnyAsync(ct),
        _ => false,
    };
}
