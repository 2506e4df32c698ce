using Kith.Data;
using Kith.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Kith.Features.Account;

public sealed class User : IdentityUser<Guid>
{
    public User()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public Guid AccountId { get; set; }
    public Accounts.Account? Account { get; set; }
    public string DisplayName { get; set; } = "";
    public AccountRole Role { get; set; }
    public bool IsInstanceAdministrator { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>Set by an administrator: the user cannot sign in and has no sessions until reactivated.</summary>
    public DateTime? DeactivatedAt { get; set; }

    /// <summary>How contact names are shown to this user; one of <see cref="Contacts.ContactNames.Templates"/>.</summary>
    public string NameOrder { get; set; } = Contacts.ContactNames.FirstLast;

    public MapProvider MapProvider { get; set; } = MapProvider.OpenStreetMap;
}

public enum MapProvider
{
    OpenStreetMap = 0,
    Google = 1,
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> builder)
    {
        builder.Property(u => u.DisplayName).HasMaxLength(FieldLengths.DisplayName).IsRequired();
        builder.Property(u => u.Email).HasMaxLength(FieldLengths.Email).IsRequired();
        builder.Property(u => u.NormalizedEmail).HasMaxLength(FieldLengths.Email).IsRequired();
        builder.Property(u => u.UserName).HasMaxLength(FieldLengths.Email).IsRequired();
        builder.Property(u => u.NormalizedUserName).HasMaxLength(FieldLengths.Email).IsRequired();
        builder.HasIndex(u => u.NormalizedEmail).IsUnique();
        builder.Property(u => u.Role).HasConversion<string>().HasMaxLength(FieldLengths.RoleName);
        builder.Property(u => u.NameOrder).HasMaxLength(FieldLengths.NameOrder).IsRequired().HasDefaultValue(Contacts.ContactNames.FirstLast);
        builder.Property(u => u.MapProvider).HasConversion<string>().HasMaxLength(FieldLengths.RoleName).HasDefaultValue(MapProvider.OpenStreetMap).HasSentinel((MapProvider)(-1));
        builder.HasOne(u => u.Account).WithMany().HasForeignKey(u => u.AccountId).OnDelete(DeleteBehavior.Cascade);
    }
}
