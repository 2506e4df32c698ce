using Kith.Data;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Kith.Features.Vaults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.BrowserTests.StoredXss;

/// <summary>
/// A vault where every text a user can store holds a script payload: the contact's every field, the account's lists,
/// the vault's lists, modules, connections and activity. Written straight to the database so nothing on the way in
/// (validation, scheme checks) can hide a missing encoding on the way out.
/// </summary>
public sealed record XssWorld(Guid VaultId, Guid ContactId, Guid FriendId, Guid GroupId, Guid CompanyId)
{
    /// <summary>Every payload starts with this word, so search finds the contacts and a test can count literals.</summary>
    public const string Marker = "Xss";

    /// <summary>What a successful injection would set; the pages never define it.</summary>
    public const string Flag = "__kithXss";

    private static int counter;

    /// <summary>Markup and event handlers: an image that runs script when it fails to load, and an element to find.</summary>
    public static string Markup() => $"{Marker}{Next()} <img src=x onerror={Flag}=1><b class=xss-inj>{{{{7*7}}}}</b>";

    /// <summary>Script and SVG: both run when parsed as HTML, and the template braces must stay literal text.</summary>
    public static string Script() => $"{Marker}{Next()} <script>{Flag}=1</script><svg onload={Flag}=1>{{{{7*7}}}}";

    /// <summary>A link a naive renderer would make clickable.</summary>
    public const string JavascriptLink = "javascript:window.__kithXss=1";

    private static int Next() => Interlocked.Increment(ref counter);

    public static async Task<XssWorld> CreateAsync(IServiceProvider services, string email)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var ct = TestContext.Current.CancellationToken;
        var normalized = email.ToUpperInvariant();
        var user = await db.Users.SingleAsync(u => u.NormalizedEmail == normalized, ct);
        var vault = await db.Vaults.FirstAsync(v => v.AccountId == user.AccountId, ct);
        var now = TimeProvider.System.GetUtcNow().UtcDateTime;
        vault.Describe(Markup(), Script(), now);

        PersonalizationItem Item(PersonalizationKind kind, string? reverse = null, LinkScheme scheme = LinkScheme.None, Guid? parent = null)
        {
            var item = PersonalizationItem.Create(user.AccountId, kind, Markup(), 900, reverse, scheme, parent);
            db.PersonalizationItems.Add(item);
            return item;
        }

        var gender = Item(PersonalizationKind.Gender);
        var pronoun = Item(PersonalizationKind.Pronoun);
        var religion = Item(PersonalizationKind.Religion);
        var relationshipType = Item(PersonalizationKind.RelationshipType, reverse: Script());
        var website = Item(PersonalizationKind.ContactInformationType, scheme: LinkScheme.Web);
        var email2 = Item(PersonalizationKind.ContactInformationType, scheme: LinkScheme.Email);
        var phone = Item(PersonalizationKind.ContactInformationType, scheme: LinkScheme.Phone);
        var addressType = Item(PersonalizationKind.AddressType);
        var petCategory = Item(PersonalizationKind.PetCategory);
        var groupType = Item(PersonalizationKind.GroupType);
        var groupRole = Item(PersonalizationKind.GroupRole, parent: groupType.Id);

        var company = Company.Create(vault.Id, Markup());
        var label = Label.Create(vault.Id, Script(), LabelColours.All[1]);
        var dateType = ImportantDateType.Create(vault.Id, Markup(), ImportantDateKind.Custom, 900);
        var factTemplate = QuickFactTemplate.Create(vault.Id, Script(), 900);
        db.AddRange(company, label, dateType, factTemplate);

        var friend = Contact.Create(vault.Id, Script(), user.Id, now);
        friend.LastName = Markup();
        var contact = Contact.Create(vault.Id, Markup(), user.Id, now);
        contact.Prefix = Script();
        contact.MiddleName = Markup();
        contact.LastName = Script();
        contact.Suffix = Markup();
        contact.Nickname = Script();
        contact.MaidenName = Markup();
        contact.Description = Script() + "\n" + Markup();
        contact.MetWhere = Markup();
        contact.MetNotes = Script();
        contact.FoodPreferences = Markup();
        contact.JobPosition = Script();
        contact.GenderId = gender.Id;
        contact.PronounId = pronoun.Id;
        contact.ReligionId = religion.Id;
        contact.CompanyId = company.Id;
        contact.MetThroughContactId = friend.Id;
        db.Contacts.AddRange(friend, contact);

        db.ContactInformation.AddRange(
            ContactInformation.Create(contact.Id, website.Id, ContactInformationKind.Home, JavascriptLink, preferred: true),
            ContactInformation.Create(contact.Id, website.Id, ContactInformationKind.Work, Markup(), preferred: false),
            ContactInformation.Create(contact.Id, email2.Id, ContactInformationKind.Other, Script(), preferred: true),
            ContactInformation.Create(contact.Id, phone.Id, ContactInformationKind.Other, Markup(), preferred: true));
        db.ImportantDates.Add(ImportantDate.Create(contact.Id, dateType.Id, new PartialDate { Day = 12, Month = 3 }, Script()));
        db.Pets.Add(Pet.Create(contact.Id, petCategory.Id, Markup()));
        db.QuickFacts.Add(QuickFact.Create(contact.Id, factTemplate.Id, Script()));
        db.ContactLabels.Add(ContactLabel.Create(contact.Id, label.Id));
        db.Relationships.Add(Relationship.Create(vault.Id, contact.Id, friend.Id, relationshipType.Id));

        var address = Address.Create(vault.Id);
        address.TypeId = addressType.Id;
        address.Line1 = Markup();
        address.Line2 = Script();
        address.City = Markup();
        address.Province = Script();
        address.PostalCode = "<b class=xss-inj>";
        address.Country = Markup();
        db.Addresses.Add(address);
        db.ContactAddresses.Add(ContactAddress.Create(contact.Id, address.Id, isPast: false));

        var group = Group.Create(vault.Id, Script(), groupType.Id);
        db.Groups.Add(group);
        db.GroupMembers.AddRange(GroupMember.Create(group.Id, contact.Id, groupRole.Id), GroupMember.Create(group.Id, friend.Id, null));

        db.FeedEntries.AddRange(
            FeedEntry.Record(vault.Id, contact.Id, user.Id, now, FeedActions.ContactUpdated, Markup()),
            FeedEntry.Record(vault.Id, contact.Id, user.Id, now, FeedActions.LabelAdded, Script()),
            FeedEntry.Record(vault.Id, contact.Id, user.Id, now, FeedActions.RelationshipAdded, Markup()));
        await db.SaveChangesAsync(ct);
        return new XssWorld(vault.Id, contact.Id, friend.Id, group.Id, company.Id);
    }
}
