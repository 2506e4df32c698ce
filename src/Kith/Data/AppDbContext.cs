using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Features.Account.TwoFactor;
using Kith.Features.Accounts;
using Kith.Features.Vaults;
using Kith.Infrastructure.Email;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Kith.Data;

/// <summary>
/// The one model. Each database provider has a subclass with its own migrations,
/// because a single migrations set cannot serve SQLite and PostgreSQL.
/// </summary>
public abstract class AppDbContext(DbContextOptions options)
    : IdentityUserContext<User, Guid, IdentityUserClaim<Guid>, IdentityUserLogin<Guid>, IdentityUserToken<Guid>, IdentityUserPasskey<Guid>>(options),
      IDataProtectionKeyContext
{
    public DbSet<Features.Accounts.Account> Accounts => Set<Features.Accounts.Account>();
    public DbSet<InstanceState> InstanceState => Set<InstanceState>();
    public DbSet<Invitation> Invitations => Set<Invitation>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Vault> Vaults => Set<Vault>();
    public DbSet<VaultMember> VaultMembers => Set<VaultMember>();
    public DbSet<TotpAuthenticator> TotpAuthenticators => Set<TotpAuthenticator>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<RememberedDevice> RememberedDevices => Set<RememberedDevice>();
    public DbSet<PendingSecondFactor> PendingSecondFactors => Set<PendingSecondFactor>();

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseSecurityEventRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseSecurityEventRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>The security log is append-only: no code path may edit or remove an event.</summary>
    private void RefuseSecurityEventRewrites()
    {
        if (ChangeTracker.Entries<SecurityEvent>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Security events are append-only.");
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<User>().ToTable("Users");
        builder.Entity<IdentityUserClaim<Guid>>().ToTable("UserClaims");
        builder.Entity<IdentityUserLogin<Guid>>().ToTable("UserLogins");
        builder.Entity<IdentityUserToken<Guid>>().ToTable("UserTokens");
        builder.Entity<IdentityUserPasskey<Guid>>().ToTable("UserPasskeys");
        builder.Entity<DataProtectionKey>().ToTable("DataProtectionKeys");
        builder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);
    }
}
