using System.Net;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Kith.Tests.Contacts.ModuleWorld;

namespace Kith.Tests.Contacts;

/// <summary>Editing existing important dates and contact information in place.</summary>
public sealed class ModuleEditTests
{
    [Fact]
    public async Task An_important_date_is_edited_and_a_refused_edit_keeps_what_was_typed()
    {
        await using var w = await CreateAsync();
        var birthday = await w.Factory.AddDateTypeAsync(w.VaultId, "Birthday", ImportantDateKind.Birthday, position: 0);
        var wedding = await w.Factory.AddDateTypeAsync(w.VaultId, "Wedding");
        var id = await w.Factory.AddRowAsync(ImportantDate.Create(w.ContactId, birthday, new PartialDate { Day = 10, Month = 12, Year = 1815 }, null), d => d.Id);
        var edit = w.Path("dates") + $"?handler=Edit&id={id}";

        using var impossible = await w.Client.PostFormAsync(edit, Form(("Input.TypeId", wedding.ToString()), ("Input.Label", "Typed label"), ("Input.Day", "31"), ("Input.Month", "2"), ("Input.Year", "1835")), w.Path("dates"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, impossible.StatusCode);
        var body = await KithClient.BodyAsync(impossible);
        Assert.Contains($"id=\"{id}-label\" name=\"Input.Label\" value=\"Typed label\"", body, StringComparison.Ordinal);
        Assert.Contains($"id=\"{id}-day\" name=\"Input.Day\" value=\"31\"", body, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{wedding}\" selected=\"selected\">", body, StringComparison.Ordinal);
        Assert.Contains("id=\"new-label\" name=\"Input.Label\" maxlength", body, StringComparison.Ordinal);
        Assert.Contains("field-error", body, StringComparison.Ordinal);

        var theirType = await w.Factory.AddDateTypeAsync(w.OtherVaultId, "Theirs");
        foreach (var form in new[]
        {
            Form(("Input.TypeId", theirType.ToString()), ("Input.Year", "1835")),
            Form(("Input.TypeId", wedding.ToString()), ("Input.Label", new string('l', ModuleLengths.DateLabel + 1)), ("Input.Year", "1835")),
            Form(("Input.TypeId", wedding.ToString())),
        })
        {
            using var refused = await w.Client.PostFormAsync(edit, form, w.Path("dates"));
            Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        }
        var unchanged = await w.Factory.QueryAsync(db => db.ImportantDates.AsNoTracking().SingleAsync());
        Assert.Equal((birthday, 10, 12, 1815), (unchanged.TypeId, unchanged.Date.Day, unchanged.Date.Month, unchanged.Date.Year));
        Assert.Equal(0, await w.FeedCountAsync(FeedActions.ImportantDateUpdated));

        using var saved = await w.Client.PostFormAsync(edit, Form(("Input.TypeId", wedding.ToString()), ("Input.Label", "<i>Wedding</i>"), ("Input.Day", "8"), ("Input.Month", "7"), ("Input.Year", "1835")), w.Path("dates"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var changed = await w.Factory.QueryAsync(db => db.ImportantDates.AsNoTracking().SingleAsync());
        Assert.Equal((wedding, "<i>Wedding</i>", 8, 7, 1835), (changed.TypeId, changed.Label, changed.Date.Day, changed.Date.Month, changed.Date.Year));
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.ImportantDateUpdated));
        var page = await w.Client.GetHtmlAsync(w.ContactPage);
        Assert.Contains("&lt;i&gt;Wedding&lt;/i&gt;", page, StringComparison.Ordinal);
        Assert.DoesNotContain("<i>Wedding", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Contact_information_is_edited_safely_and_a_refused_edit_keeps_what_was_typed()
    {
        await using var w = await CreateAsync();
        var email = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.ContactInformationType, "Email", scheme: LinkScheme.Email);
        var web = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.ContactInformationType, "Website", scheme: LinkScheme.Web);
        var first = await w.Factory.AddRowAsync(ContactInformation.Create(w.ContactId, email, ContactInformationKind.Home, "ada@example.org", true), i => i.Id);
        var second = await w.Factory.AddRowAsync(ContactInformation.Create(w.ContactId, email, ContactInformationKind.Work, "ada@work.example", false), i => i.Id);
        var edit = w.Path("contact-information") + $"?handler=Edit&id={second}";

        using var unsafeLink = await w.Client.PostFormAsync(edit, Form(("Input.TypeId", web.ToString()), ("Input.Kind", "Work"), ("Input.Value", "javascript:alert(1)")), w.Path("contact-information"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unsafeLink.StatusCode);
        var body = await KithClient.BodyAsync(unsafeLink);
        Assert.Contains($"id=\"{second}-value\" name=\"Input.Value\" value=\"javascript:alert(1)\"", body, StringComparison.Ordinal);
        Assert.Contains($"<option value=\"{web}\" selected=\"selected\">", body, StringComparison.Ordinal);
        Assert.Contains("id=\"new-value\" name=\"Input.Value\" maxlength", body, StringComparison.Ordinal);
        using var tooLong = await w.Client.PostFormAsync(edit, Form(("Input.TypeId", email.ToString()), ("Input.Kind", "Work"), ("Input.Value", new string('a', ModuleLengths.ContactInformationValue + 1))), w.Path("contact-information"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooLong.StatusCode);
        Assert.Equal("ada@work.example", await w.Factory.QueryAsync(db => db.ContactInformation.Where(i => i.Id == second).Select(i => i.Value).SingleAsync()));
        Assert.Equal(0, await w.FeedCountAsync(FeedActions.ContactInformationUpdated));

        using var saved = await w.Client.PostFormAsync(edit, Form(("Input.TypeId", email.ToString()), ("Input.Kind", "Work"), ("Input.Value", "ada@new.example"), ("Input.IsPreferred", "true")), w.Path("contact-information"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var preferred = await w.Factory.QueryAsync(db => db.ContactInformation.Where(i => i.IsPreferred).Select(i => i.Id).ToListAsync());
        Assert.Equal([second], preferred);
        Assert.Contains("href=\"mailto:ada@new.example\"", await w.Client.GetHtmlAsync(w.ContactPage), StringComparison.Ordinal);
        Assert.Equal(1, await w.FeedCountAsync(FeedActions.ContactInformationUpdated));
        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Rows_of_another_contact_or_vault_cannot_be_edited_and_a_viewer_is_refused()
    {
        await using var w = await CreateAsync();
        var type = await w.Factory.AddDateTypeAsync(w.VaultId, "Wedding");
        var theirType = await w.Factory.AddDateTypeAsync(w.OtherVaultId, "Theirs");
        var theirDate = await w.Factory.AddRowAsync(ImportantDate.Create(w.OtherContactId, theirType, new PartialDate { Year = 2000 }, null), d => d.Id);
        var email = await w.Factory.AddItemAsync(w.AccountId, PersonalizationKind.ContactInformationType, "Email", scheme: LinkScheme.Email);
        var bea = await w.Factory.AddContactAsync(w.VaultId, "Bea");
        var beasInfo = await w.Factory.AddRowAsync(ContactInformation.Create(bea, email, ContactInformationKind.Home, "bea@example.org", false), i => i.Id);

        using var date = await w.Client.PostFormAsync(w.Path("dates") + $"?handler=Edit&id={theirDate}", Form(("Input.TypeId", type.ToString()), ("Input.Year", "1999")), w.Path("dates"));
        Assert.Equal(HttpStatusCode.NotFound, date.StatusCode);
        using var info = await w.Client.PostFormAsync(w.Path("contact-information") + $"?handler=Edit&id={beasInfo}", Form(("Input.TypeId", email.ToString()), ("Input.Kind", "Home"), ("Input.Value", "x@example.org")), w.Path("contact-information"));
        Assert.Equal(HttpStatusCode.NotFound, info.StatusCode);
        using var byViewer = await w.Viewer.PostFormAsync($"/vaults/{w.VaultId}/contacts/{bea}/contact-information?handler=Edit&id={beasInfo}", Form(("Input.TypeId", email.ToString()), ("Input.Kind", "Home"), ("Input.Value", "x@example.org")), w.ContactPage);
        Assert.Equal(HttpStatusCode.Forbidden, byViewer.StatusCode);

        Assert.Equal(2000, await w.Factory.QueryAsync(db => db.ImportantDates.Select(d => d.Date.Year).SingleAsync()));
        Assert.Equal("bea@example.org", await w.Factory.QueryAsync(db => db.ContactInformation.Select(i => i.Value).SingleAsync()));
    }
}
