using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Features.Account.TwoFactor;
using Kith.Features.Accounts;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
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
    public DbSet<Features.Account.Passkeys.PasskeyChallenge> PasskeyChallenges => Set<Features.Account.Passkeys.PasskeyChallenge>();
    public DbSet<SecurityEvent> SecurityEvents => Set<SecurityEvent>();
    public DbSet<OutboxMessage> OutboxMessages => Set<OutboxMessage>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Vault> Vaults => Set<Vault>();
    public DbSet<VaultMember> VaultMembers => Set<VaultMember>();
    public DbSet<PersonalizationItem> PersonalizationItems => Set<PersonalizationItem>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Label> Labels => Set<Label>();
    public DbSet<ImportantDateType> ImportantDateTypes => Set<ImportantDateType>();
    public DbSet<QuickFactTemplate> QuickFactTemplates => Set<QuickFactTemplate>();
    public DbSet<Company> Companies => Set<Company>();
    public DbSet<ImportantDate> ImportantDates => Set<ImportantDate>();
    public DbSet<ContactInformation> ContactInformation => Set<ContactInformation>();
    public DbSet<Pet> Pets => Set<Pet>();
    public DbSet<QuickFact> QuickFacts => Set<QuickFact>();
    public DbSet<ContactLabel> ContactLabels => Set<ContactLabel>();
    public DbSet<Relationship> Relationships => Set<Relationship>();
    public DbSet<Address> Addresses => Set<Address>();
    public DbSet<ContactAddress> ContactAddresses => Set<ContactAddress>();
    public DbSet<Group> Groups => Set<Group>();
    public DbSet<GroupMember> GroupMembers => Set<GroupMember>();
    public DbSet<ContactUserState> ContactUserStates => Set<ContactUserState>();
    public DbSet<FeedEntry> FeedEntries => Set<FeedEntry>();
    public DbSet<ContactSearchTerm> ContactSearchTerms => Set<ContactSearchTerm>();
    public DbSet<TotpAuthenticator> TotpAuthenticators => Set<TotpAuthenticator>();
    public DbSet<RecoveryCode> RecoveryCodes => Set<RecoveryCode>();
    public DbSet<RememberedDevice> RememberedDevices => Set<RememberedDevice>();
    public DbSet<PendingSecondFactor> PendingSecondFactors => Set<PendingSecondFactor>();
    public DbSet<Features.Account.AppPasswords.AppPassword> AppPasswords => Set<Features.Account.AppPasswords.AppPassword>();
    public DbSet<Features.Account.KnownDevices.KnownDevice> KnownDevices => Set<Features.Account.KnownDevices.KnownDevice>();

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseSecurityEventRewrites();
        var affected = await ContactSearchIndex.AffectedAsync(this, cancellationToken);
        if (affected.Count == 0) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);

        // The search terms are derived from what was just saved, in the same transaction: both land or neither does.
        var ownTransaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            var written = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            await ContactSearchIndex.StageAsync(this, affected, cancellationToken);
            written += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            if (ownTransaction is not null) await ownTransaction.CommitAsync(cancellationToken);
            return written;
        }
        finally
        {
            if (ownTransaction is not null) await ownTransaction.DisposeAsync();
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseSecurityEventRewrites();
        // Contact data is only ever written asynchronously; a synchronous save would skip the search terms.
        if (ChangeTracker.Entries().Any(e => e.State != EntityState.Unchanged && e.Entity is Contact or Features.Contacts.ContactInformation or ContactLabel or Company or Features.Contacts.Label))
            throw new InvalidOperationException("Save contact data with SaveChangesAsync.");
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
