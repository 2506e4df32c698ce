using System.Net;
using Kith.Features.Contacts;
using Kith.Features.Vaults;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Personalization;

public sealed class VaultSettingsTests(KithFactory factory) : IClassFixture<KithFactory>
{
    private static string Settings(Admin admin, string handler, string query = "") => $"/vaults/{admin.VaultId}/settings?handler={handler}{query}";

    private Task<List<Label>> LabelsAsync(Guid vaultId) => factory.QueryAsync(db => db.Labels.AsNoTracking().Where(l => l.VaultId == vaultId).ToListAsync());

    [Fact]
    public async Task A_manager_adds_recolours_and_deletes_labels()
    {
        using var admin = await Admin.CreateAsync(factory);
        using (var response = await admin.PostAsync(Settings(admin, "AddLabel"), new() { ["Input.Name"] = "Book club", ["Input.Colour"] = "teal" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var label = Assert.Single(await LabelsAsync(admin.VaultId));
        Assert.Contains("label label-teal", await admin.Client.GetHtmlAsync($"/vaults/{admin.VaultId}/settings"), StringComparison.Ordinal);

        using (var response = await admin.PostAsync(Settings(admin, "SaveLabel", $"&labelId={label.Id}"), new() { ["Input.Name"] = "Books", ["Input.Colour"] = "pink" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(("Books", "pink"), (await LabelsAsync(admin.VaultId)).Select(l => (l.Name, l.Colour)).Single());

        var contact = await factory.AddContactAsync(admin.VaultId, "Lou");
        await factory.Save(ContactLabel.Create(contact, label.Id));
        using (var response = await admin.PostAsync(Settings(admin, "DeleteLabel", $"&labelId={label.Id}"), []))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Empty(await LabelsAsync(admin.VaultId));
        Assert.False(await factory.QueryAsync(db => db.ContactLabels.AnyAsync(l => l.ContactId == contact)));
    }

    [Theory]
    [InlineData("", "red")]
    [InlineData("Fine", "magenta")]
    [InlineData("Fine", "")]
    public async Task A_label_without_a_name_or_a_palette_colour_is_refused(string name, string colour)
    {
        using var admin = await Admin.CreateAsync(factory);
        using var response = await admin.PostAsync(Settings(admin, "AddLabel"), new() { ["Input.Name"] = name, ["Input.Colour"] = colour });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Empty(await LabelsAsync(admin.VaultId));
    }

    [Fact]
    public async Task Built_in_date_types_cannot_be_deleted_but_custom_ones_move_their_dates_first()
    {
        using var admin = await Admin.CreateAsync(factory);
        var birthday = await factory.QueryAsync(db => db.ImportantDateTypes.Where(t => t.VaultId == admin.VaultId && t.Kind == ImportantDateKind.Birthday).Select(t => t.Id).SingleAsync());
        using (var response = await admin.PostAsync($"/vaults/{admin.VaultId}/settings/date-types/{birthday}/delete", [], formPage: $"/vaults/{admin.VaultId}/settings"))
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);

        using (var response = await admin.PostAsync(Settings(admin, "AddDateType"), new() { ["Input.Name"] = "Name day" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var nameDay = await factory.QueryAsync(db => db.ImportantDateTypes.Where(t => t.VaultId == admin.VaultId && t.Name == "Name day").Select(t => t.Id).SingleAsync());
        var contact = await factory.AddContactAsync(admin.VaultId, "Ida");
        var date = ImportantDate.Create(contact, nameDay, new PartialDate { Day = 2, Month = 2 }, null);
        await factory.Save(date);
        var deletePath = $"/vaults/{admin.VaultId}/settings/date-types/{nameDay}/delete";

        using (var response = await admin.PostAsync(deletePath, []))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var other = await Admin.CreateAsync(factory);
        var foreign = await factory.QueryAsync(db => db.ImportantDateTypes.Where(t => t.VaultId == other.VaultId).Select(t => t.Id).FirstAsync());
        using (var response = await admin.PostAsync(deletePath, new() { ["replacement"] = foreign.ToString() }))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(nameDay, await factory.QueryAsync(db => db.ImportantDates.Where(d => d.Id == date.Id).Select(d => d.TypeId).SingleAsync()));

        using (var response = await admin.PostAsync(deletePath, new() { ["replacement"] = birthday.ToString() }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(birthday, await factory.QueryAsync(db => db.ImportantDates.Where(d => d.Id == date.Id).Select(d => d.TypeId).SingleAsync()));
        Assert.False(await factory.QueryAsync(db => db.ImportantDateTypes.AnyAsync(t => t.Id == nameDay)));
    }

    [Fact]
    public async Task Quick_fact_templates_are_added_renamed_reordered_and_deleted_with_their_facts()
    {
        using var admin = await Admin.CreateAsync(factory);
        Task<List<string>> NamesAsync() => factory.QueryAsync(db => db.QuickFactTemplates.Where(t => t.VaultId == admin.VaultId).OrderBy(t => t.Position).Select(t => t.Name).ToListAsync());
        using (var response = await admin.PostAsync(Settings(admin, "AddTemplate"), new() { ["Input.Name"] = "Shoe size" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var id = await factory.QueryAsync(db => db.QuickFactTemplates.Where(t => t.VaultId == admin.VaultId && t.Name == "Shoe size").Select(t => t.Id).SingleAsync());
        using (var response = await admin.PostAsync(Settings(admin, "SaveTemplate", $"&templateId={id}"), new() { ["Input.Name"] = "Shoe sizes" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        using (var response = await admin.PostAsync(Settings(admin, "MoveTemplate", $"&templateId={id}"), new() { ["direction"] = "up" }))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("Shoe sizes", (await NamesAsync())[^2]);

        var contact = await factory.AddContactAsync(admin.VaultId, "Flo");
        await factory.Save(QuickFact.Create(contact, id, "42"));
        using (var response = await admin.PostAsync(Settings(admin, "DeleteTemplate", $"&templateId={id}"), []))
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("Shoe sizes", await NamesAsync());
        Assert.False(await factory.QueryAsync(db => db.QuickFacts.AnyAsync(f => f.ContactId == contact)));
    }

    [Fact]
    public async Task Only_managers_change_vault_settings_and_see_the_link()
    {
        using var admin = await Admin.CreateAsync(factory);
        var editor = await Infrastructure.Accounts.CreateInAccountAsync(factory, admin.AccountId, Kith.Features.Accounts.AccountRole.Member, "Ed Editor");
        await factory.Save(VaultMember.Grant(admin.VaultId, await factory.IdOfAsync(editor), VaultAccessLevel.Editor, DateTime.UnixEpoch));
        using var client = await TestUsers.SignedInClientAsync(factory, editor);

        using (var response = await client.PostFormAsync(Settings(admin, "AddLabel"), new Dictionary<string, string> { ["Input.Name"] = "Nope", ["Input.Colour"] = "red" }, formPage: "/account/manage/preferences"))
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Empty(await LabelsAsync(admin.VaultId));
        Assert.DoesNotContain("/settings\"", await client.GetHtmlAsync($"/vaults/{admin.VaultId}"), StringComparison.Ordinal);
        Assert.Contains($"/vaults/{admin.VaultId}/settings\"", await admin.Client.GetHtmlAsync($"/vaults/{admin.VaultId}"), StringComparison.Ordinal);
    }
}
