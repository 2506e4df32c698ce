using System.Security.Cryptography;
using System.Text;
using Kith.Features.Accounts;
using Kith.Features.Contacts;
using Kith.Features.Contacts.Avatars;
using Kith.Features.Personalization;
using Kith.Features.Vaults;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Authorization;

/// <summary>
/// Two accounts: A with a vault holding a canary string and users at every access level, and B whose
/// manager is the "other account" principal with a canary vault of its own. Each principal is signed in once.
/// </summary>
public class MatrixWorld : KithFactory, IAsyncLifetime
{
    public string CanaryA { get; } = "CANARY-A-" + Guid.NewGuid().ToString("N")[..12];
    public string CanaryB { get; } = "CANARY-B-" + Guid.NewGuid().ToString("N")[..12];
    public Guid VaultA { get; private set; }
    public Guid VaultB { get; private set; }
    public Guid ManagerId { get; private set; }
    public Dictionary<string, string> Placeholders { get; } = [];
    public Dictionary<Principal, KithClient> Clients { get; } = [];

    /// <summary>
    /// The whole matrix happens at one moment: on a slow machine it runs longer than the 10-minute sudo window
    /// (and other time limits), and a row must not change its answer because the clock moved.
    /// </summary>
    public Microsoft.Extensions.Time.Testing.FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);

    public async ValueTask InitializeAsync()
    {
        var manager = await TestUsers.CreateAsync(this, name: "Mara Manager");
        var accountA = (await this.UserAsync(manager.Email))!.AccountId;
        ManagerId = (await this.UserAsync(manager.Email))!.Id;
        VaultA = await RenameOnlyVaultAsync(accountA, $"Vault {CanaryA}");
        var other = await TestUsers.CreateAsync(this, name: $"Otto {CanaryB}");
        VaultB = await RenameOnlyVaultAsync((await this.UserAsync(other.Email))!.AccountId, $"Vault {CanaryB}");

        var users = new Dictionary<Principal, TestUser>
        {
            [Principal.Manager] = manager,
            [Principal.OtherAccountManager] = other,
            [Principal.Viewer] = await UserInAccountAsync(accountA, "Vic Viewer", AccountRole.Member, VaultAccessLevel.Viewer),
            [Principal.Editor] = await UserInAccountAsync(accountA, "Eda Editor", AccountRole.Member, VaultAccessLevel.Editor),
            [Principal.NoVault] = await UserInAccountAsync(accountA, "Nia Novault", AccountRole.Member, null),
            [Principal.Administrator] = await UserInAccountAsync(accountA, "Ada Admin", AccountRole.Administrator, null),
        };
        var accountB = (await this.UserAsync(other.Email))!.AccountId;
        Placeholders["{managerId}"] = ManagerId.ToString();
        Placeholders["{otherManagerId}"] = (await this.UserAsync(other.Email))!.Id.ToString();
        Placeholders["{targetA}"] = (await this.UserAsync((await UserInAccountAsync(accountA, "Tara Target", AccountRole.Member, null)).Email))!.Id.ToString();
        Placeholders["{targetB}"] = (await this.UserAsync((await UserInAccountAsync(accountB, "Tobi Target", AccountRole.Member, null)).Email))!.Id.ToString();
        Placeholders["{invitationA}"] = (await InviteAsync(accountA, ManagerId)).ToString();
        Placeholders["{invitationB}"] = (await InviteAsync(accountB, (await this.UserAsync(other.Email))!.Id)).ToString();
        Placeholders["{contactA}"] = (await ContactWithPhotoAsync(VaultA, "Cora", CanaryA)).ToString();
        Placeholders["{contactB}"] = (await ContactWithPhotoAsync(VaultB, "Cody", CanaryB)).ToString();
        Placeholders["{groupA}"] = (await AddGroupAsync(VaultA, $"Group {CanaryA}")).ToString();
        Placeholders["{groupB}"] = (await AddGroupAsync(VaultB, $"Group {CanaryB}")).ToString();
        Placeholders["{companyA}"] = (await AddCompanyAsync(VaultA, $"Company {CanaryA}")).ToString();
        Placeholders["{companyB}"] = (await AddCompanyAsync(VaultB, $"Company {CanaryB}")).ToString();
        await AddModuleRowsAsync(accountA, "A", VaultA);
        await AddModuleRowsAsync(accountB, "B", VaultB);
        Placeholders["{appPasswordOfOther}"] = (await AppPasswordOfAsync(other.Email)).ToString();
        Placeholders["{deviceManager}"] = (await RememberDeviceAsync(ManagerId)).ToString();
        Placeholders["{sessionManager}"] = (await ExtraSessionAsync(ManagerId)).ToString();
        await AddListPlaceholdersAsync(accountA, accountB);
        Clients[Principal.Anonymous] = CreateWebClient();
        foreach (var (principal, user) in users) Clients[principal] = await TestUsers.SignedInClientAsync(this, user);
    }

    /// <summary>{dateA}/{infoA}/{petA}/{factA}/{addressA}: module rows of {contactA}; the B ones belong to {contactB} in account B.</summary>
    private async Task AddModuleRowsAsync(Guid accountId, string suffix, Guid vaultId)
    {
        var contactId = Guid.Parse(Placeholders["{contact" + suffix + "}"]);
        var dateType = await this.AddDateTypeAsync(vaultId, "Anniversary");
        Placeholders["{date" + suffix + "}"] = (await this.AddRowAsync(
            ImportantDate.Create(contactId, dateType, new PartialDate { Year = 2000 }, null), d => d.Id)).ToString();
        var infoType = await this.AddItemAsync(accountId, PersonalizationKind.ContactInformationType, "Email", scheme: LinkScheme.Email);
        Placeholders["{info" + suffix + "}"] = (await this.AddRowAsync(
            ContactInformation.Create(contactId, infoType, ContactInformationKind.Home, "cora@example.org", false), i => i.Id)).ToString();
        var petCategory = await this.AddItemAsync(accountId, PersonalizationKind.PetCategory, "Cat");
        Placeholders["{petCategory" + suffix + "}"] = petCategory.ToString();
        Placeholders["{pet" + suffix + "}"] = (await this.AddRowAsync(
            Pet.Create(contactId, petCategory, "Tom"), p => p.Id)).ToString();
        var template = await this.AddRowAsync(QuickFactTemplate.Create(vaultId, "Hobbies", 0), t => t.Id);
        Placeholders["{fact" + suffix + "}"] = (await this.AddRowAsync(QuickFact.Create(contactId, template, "climbing"), f => f.Id)).ToString();
        var address = Address.Create(vaultId);
        address.City = "Bath";
        Placeholders["{address" + suffix + "}"] = (await this.AddRowAsync(address, a => a.Id)).ToString();
        await this.AddRowAsync(ContactAddress.Create(contactId, address.Id, false), a => a.AddressId);
    }

    /// <summary>A hash of every row an authorization decision protects; a denied request must not change it.</summary>
    public Task<string> ProtectedStateAsync() => this.QueryAsync(async db =>
    {
        var vaults = await db.Vaults.OrderBy(v => v.Id).Select(v => $"{v.Id}|{v.AccountId}|{v.Name}|{v.Description}").ToListAsync();
        var members = await db.VaultMembers.OrderBy(m => m.VaultId).ThenBy(m => m.UserId).Select(m => $"{m.VaultId}|{m.UserId}|{m.Access}").ToListAsync();
        var users = await db.Users.OrderBy(u => u.Id).Select(u => $"{u.Id}|{u.AccountId}|{u.Role}|{u.Email}|{u.PasswordHash}|{u.DeactivatedAt}").ToListAsync();
        var invitations = await db.Invitations.OrderBy(i => i.Id).Select(i => $"{i.Id}|{i.TokenHash}|{i.RevokedAt}|{i.AcceptedAt}").ToListAsync();
        var contacts = await db.Contacts.OrderBy(c => c.Id)
            .Select(c => $"{c.Id}|{c.VaultId}|{c.FirstName}|{c.LastName}|{c.UpdatedAt}|{c.IsArchived}|{c.DeletedAt}|{c.AvatarFile}").ToListAsync();
        var groups = await db.Groups.OrderBy(g => g.Id).Select(g => $"{g.Id}|{g.VaultId}|{g.Name}|{g.TypeId}").ToListAsync();
        var groupMembers = await db.GroupMembers.OrderBy(m => m.GroupId).ThenBy(m => m.ContactId).Select(m => $"{m.GroupId}|{m.ContactId}|{m.RoleId}").ToListAsync();
        var companies = await db.Companies.OrderBy(c => c.Id).Select(c => $"{c.Id}|{c.VaultId}|{c.Name}").ToListAsync();
        var counts = new[]
        {
            await db.ImportantDates.CountAsync(), await db.ContactInformation.CountAsync(), await db.Addresses.CountAsync(),
            await db.ContactLabels.CountAsync(), await db.Labels.CountAsync(), await db.Relationships.CountAsync(), await db.Groups.CountAsync(),
            await db.GroupMembers.CountAsync(), await db.Pets.CountAsync(), await db.QuickFacts.CountAsync(), await db.Companies.CountAsync(),
            await db.PersonalizationItems.CountAsync(), await db.ContactUserStates.CountAsync(u => u.IsFavorite), await db.FeedEntries.CountAsync(),
        };
        var accounts = await db.Accounts.OrderBy(a => a.Id).Select(a => $"{a.Id}|{a.RequireMfa}").ToListAsync();
        var devices = await db.RememberedDevices.OrderBy(d => d.Id).Select(d => $"{d.Id}|{d.UserId}").ToListAsync();
        devices.AddRange(await db.UserSessions.OrderBy(s => s.Id).Select(s => $"{s.Id}|{s.UserId}").ToListAsync());
        var text = string.Join("\n", vaults.Concat(members).Concat(users).Concat(invitations).Concat(accounts).Concat(devices).Concat(contacts).Concat(groups).Concat(groupMembers).Concat(companies)) + string.Join(",", counts);
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    });

    private async Task<Guid> AppPasswordOfAsync(string email)
    {
        await using var scope = Services.CreateAsyncScope();
        var user = (await this.UserAsync(email))!;
        await scope.ServiceProvider.GetRequiredService<Kith.Features.Account.AppPasswords.AppPasswordStore>()
            .CreateAsync(user, "matrix", Kith.Features.Account.AppPasswords.AppPasswordScope.CardDav, CancellationToken.None);
        return await this.QueryAsync(db => db.AppPasswords.Where(p => p.UserId == user.Id).Select(p => p.Id).SingleAsync());
    }

    private Task<Guid> RememberDeviceAsync(Guid userId) => this.QueryAsync(async db =>
    {
        var device = Kith.Features.Account.TwoFactor.RememberedDevice.Remember(userId, RandomNumberGenerator.GetBytes(32), TimeProvider.System.GetUtcNow().UtcDateTime, "matrix");
        db.RememberedDevices.Add(device);
        await db.SaveChangesAsync();
        return device.Id;
    });
    /// <summary>A session row of the user that no client holds: revoking it signs nobody out of the matrix.</summary>
    private Task<Guid> ExtraSessionAsync(Guid userId) => this.QueryAsync(async db =>
    {
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        var session = Kith.Features.Account.Sessions.UserSession.Start(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)), userId, [], now, now.AddDays(1), "192.0.2.1", "matrix");
        db.UserSessions.Add(session);
        await db.SaveChangesAsync();
        return session.Id;
    });

    private async Task AddListPlaceholdersAsync(Guid accountA, Guid accountB)
    {
        Placeholders["{itemA}"] = (await this.AddItemAsync(accountA, PersonalizationKind.Gender, "Matrix gender")).ToString();
        // Deliberately not named {itemB}: account-level paths have no "object of B in A's address" variant.
        Placeholders["{itemOfB}"] = (await this.AddItemAsync(accountB, PersonalizationKind.Gender, "Matrix gender")).ToString();
        Placeholders["{groupTypeA}"] = (await this.AddItemAsync(accountA, PersonalizationKind.GroupType, "Matrix group")).ToString();
        foreach (var (suffix, vault) in new[] { ("A", VaultA), ("B", VaultB) })
        {
            await this.QueryAsync(async db =>
            {
                var label = Label.Create(vault, "Matrix label", "green");
                var type = ImportantDateType.Create(vault, "Matrix date", ImportantDateKind.Custom, 10);
                var template = QuickFactTemplate.Create(vault, "Matrix fact", 10);
                db.AddRange(label, type, template);
                Placeholders["{label" + suffix + "}"] = label.Id.ToString();
                Placeholders["{dateType" + suffix + "}"] = type.Id.ToString();
                Placeholders["{template" + suffix + "}"] = template.Id.ToString();
                return await db.SaveChangesAsync();
            });
        }
    }

    private async Task<Guid> RenameOnlyVaultAsync(Guid accountId, string name)
    {
        var id = await this.QueryAsync(db => db.Vaults.Where(v => v.AccountId == accountId).Select(v => v.Id).SingleAsync());
        await this.QueryAsync(db => db.Vaults.Where(v => v.Id == id).ExecuteUpdateAsync(v => v.SetProperty(x => x.Name, name)));
        return id;
    }

    private Task<Guid> AddGroupAsync(Guid vaultId, string name) => this.QueryAsync(async db =>
    {
        var group = Kith.Features.Contacts.Group.Create(vaultId, name, null);
        db.Groups.Add(group);
        await db.SaveChangesAsync();
        return group.Id;
    });

    private Task<Guid> AddCompanyAsync(Guid vaultId, string name) => this.QueryAsync(async db =>
    {
        var company = Kith.Features.Contacts.Company.Create(vaultId, name);
        db.Companies.Add(company);
        await db.SaveChangesAsync();
        return company.Id;
    });

    /// <summary>A contact with a stored photo, so the image route has something to serve (or to refuse).</summary>
    private async Task<Guid> ContactWithPhotoAsync(Guid vaultId, string firstName, string lastName)
    {
        var (encoded, _) = await AvatarImage.ProcessAsync(Contacts.TestImages.Encode(SkiaSharp.SKEncodedImageFormat.Png, 8, 8), CancellationToken.None);
        var file = await Service<AvatarStore>().SaveAsync(encoded!, CancellationToken.None);
        return await this.QueryAsync(async db =>
        {
            var contact = Contact.Create(vaultId, firstName, ManagerId, DateTime.UnixEpoch);
            contact.LastName = lastName;
            contact.AvatarFile = file;
            db.Contacts.Add(contact);
            await db.SaveChangesAsync();
            return contact.Id;
        });
    }

    private Task<Guid> InviteAsync(Guid accountId, Guid invitedBy) => this.QueryAsync(async db =>
    {
        var (invitation, _) = Invitation.Create(accountId, TestUsers.NewEmail("invitee"), AccountRole.Member, invitedBy, TimeProvider.System.GetUtcNow().UtcDateTime, TimeSpan.FromDays(7));
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync();
        return invitation.Id;
    });

    /// <summary>A user of the given account, created fast through the CLI and moved there (invitations are tested on their own).</summary>
    private async Task<TestUser> UserInAccountAsync(Guid accountId, string name, AccountRole role, VaultAccessLevel? access)
    {
        var user = await TestUsers.CreateAsync(this, name: name);
        var created = (await this.UserAsync(user.Email))!;
        await this.QueryAsync(async db =>
        {
            await db.Users.Where(u => u.Id == created.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.AccountId, accountId).SetProperty(x => x.Role, role));
            await db.Vaults.Where(v => v.AccountId == created.AccountId).ExecuteDeleteAsync();
            await db.Accounts.Where(a => a.Id == created.AccountId).ExecuteDeleteAsync();
            if (access is { } level) db.VaultMembers.Add(VaultMember.Grant(VaultA, created.Id, level, DateTime.UnixEpoch));
            return await db.SaveChangesAsync();
        });
        return user;
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in Clients.Values) client.Dispose();
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
