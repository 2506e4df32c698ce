using Kith.Data;
using Kith.Infrastructure.Configuration;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Accounts;

/// <summary>The tenant: a person or a household. Users belong to exactly one account.</summary>
public sealed class Account
{
    public Guid Id { get; private set; } = Guid.CreateVersion7();
    public string Name { get; private set; } = "";
    public DateTime CreatedAt { get; private set; }

    /// <summary>Set by an administrator: every user of the account must have MFA before doing anything else.</summary>
    public bool RequireMfa { get; private set; }

    public void SetRequireMfa(bool required) => RequireMfa = required;

    public static Account Create(string name, DateTime now) => new() { Name = name, CreatedAt = now };
}

public enum AccountRole
{
    Member = 0,
    Administrator = 1,
    Owner = 2,
}

/// <summary>
/// A single row (Id = 1) written by the first registration. Its primary key makes
/// "first account only" hold even when two instances race to register.
/// </summary>
public sealed class InstanceState
{
    public const int SingletonId = 1;
    public const int RegistrationLength = 20;
    public int Id { get; private set; } = SingletonId;
    public Guid FirstAccountId { get; private set; }
    public DateTime CreatedAt { get; private set; }

    /// <summary>The instance administrator's choice; null until one is made, and then Kith__Registration applies.</summary>
    public RegistrationMode? Registration { get; set; }

    public static InstanceState First(Account account, DateTime now) =>
        new() { FirstAccountId = account.Id, CreatedAt = now };
}

internal sealed class AccountConfiguration : IEntityTypeConfiguration<Account>, IEntityTypeConfiguration<InstanceState>
{
    public void Configure(EntityTypeBuilder<Account> builder)
    {
        builder.ToTable("Accounts");
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Name).HasMaxLength(FieldLengths.AccountName).IsRequired();
    }

    public void Configure(EntityTypeBuilder<InstanceState> builder)
    {
        builder.ToTable("InstanceState", t =>
        {
            t.HasCheckConstraint("CK_InstanceState_Singleton", "\"Id\" = 1");
            t.HasCheckConstraint("CK_InstanceState_Registration",
                $"\"Registration\" IS NULL OR \"Registration\" IN ({string.Join(", ", Enum.GetNames<RegistrationMode>().Select(n => $"'{n}'"))})");
        });
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.Registration).HasConversion<string>().HasMaxLength(InstanceState.RegistrationLength);
        builder.HasOne<Account>().WithMany().HasForeignKey(s => s.FirstAccountId).OnDelete(DeleteBehavior.Restrict);
    }
}
