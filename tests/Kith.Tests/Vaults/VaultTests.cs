using System.Net;
using Kith.Features.Accounts;
using Kith.Features.Vaults;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Vaults;

public sealed class VaultTests(KithFactory factory) : IClassFixture<KithFactory>
{
    [Fact]
    public async Task Every_new_account_starts_with_a_personal_vault_it_manages()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var vault = await factory.FirstVaultAsync(await factory.AccountOfAsync(owner));
        Assert.Equal(VaultAccessLevel.Manager, await factory.AccessAsync(vault, await factory.IdOfAsync(owner)));
        using var client = await TestUsers.SignedInClientAsync(factory, owner);
        Assert.Contains(AccountDefaults.FirstVaultName, await client.GetHtmlAsync("/vaults"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manager_creates_renames_and_shares_a_vault_within_the_account()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var account = await factory.AccountOfAsync(owner);
        var colleague = await Infrastructure.Accounts.CreateInAccountAsync(factory, account, AccountRole.Member, "Cole League");
        using var client = await TestUsers.SignedInClientAsync(factory, owner);

        using var created = await client.PostFormAsync("/vaults/new", new Dictionary<string, string> { ["Input.Name"] = "Family", ["Input.Description"] = "Relatives" });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var path = created.Headers.Location!.OriginalString;
        var vaultId = Guid.Parse(path.Split('/')[2]);

        using (var renamed = await client.PostFormAsync(path + "/edit", new Dictionary<string, string> { ["Input.Name"] = "Family & friends" }))
            Assert.Equal(HttpStatusCode.Redirect, renamed.StatusCode);
        using (var added = await client.PostFormAsync(path + "/members?handler=Add", new Dictionary<string, string> { ["Input.Email"] = colleague.Email, ["Input.Access"] = "Editor" }, formPage: path + "/members"))
            Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        Assert.Equal("Family & friends", await factory.QueryAsync(db => db.Vaults.Where(v => v.Id == vaultId).Select(v => v.Name).SingleAsync()));
        Assert.Equal(VaultAccessLevel.Editor, await factory.AccessAsync(vaultId, await factory.IdOfAsync(colleague)));
        using var colleagueClient = await TestUsers.SignedInClientAsync(factory, colleague);
        Assert.Contains("Family &amp; friends", await colleagueClient.GetHtmlAsync(path), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_user_of_another_account_cannot_be_added_to_a_vault()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var stranger = await TestUsers.CreateAsync(factory);
        var vault = await factory.FirstVaultAsync(await factory.AccountOfAsync(owner));
        using var client = await TestUsers.SignedInClientAsync(factory, owner);

        using var response = await client.PostFormAsync($"/vaults/{vault}/members?handler=Add",
            new Dictionary<string, string> { ["Input.Email"] = stranger.Email, ["Input.Access"] = "Viewer" }, formPage: $"/vaults/{vault}/members");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Null(await factory.AccessAsync(vault, await factory.IdOfAsync(stranger)));
    }

    [Fact]
    public async Task The_last_manager_cannot_leave_the_vault_without_one()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var vault = await factory.FirstVaultAsync(await factory.AccountOfAsync(owner));
        var ownerId = await factory.IdOfAsync(owner);
        using var client = await TestUsers.SignedInClientAsync(factory, owner);

        using var response = await client.PostFormAsync($"/vaults/{vault}/members?handler=Change",
            new Dictionary<string, string> { ["userId"] = ownerId.ToString(), ["access"] = "Viewer" }, formPage: $"/vaults/{vault}/members");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(VaultAccessLevel.Manager, await factory.AccessAsync(vault, ownerId));
    }

    [Fact]
    public async Task Deleting_needs_the_exact_name()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var vault = await factory.FirstVaultAsync(await factory.AccountOfAsync(owner));
        using var client = await TestUsers.SignedInClientAsync(factory, owner);

        using (var wrong = await client.PostFormAsync($"/vaults/{vault}/delete", new Dictionary<string, string> { ["confirmName"] = "personal" }))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        using (var right = await client.PostFormAsync($"/vaults/{vault}/delete", new Dictionary<string, string> { ["confirmName"] = AccountDefaults.FirstVaultName }))
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Vaults.AnyAsync(v => v.Id == vault)));
    }

    [Fact]
    public async Task Escalating_through_form_fields_changes_nothing()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var account = await factory.AccountOfAsync(owner);
        var editor = await Infrastructure.Accounts.CreateInAccountAsync(factory, account, AccountRole.Member);
        var vault = await factory.FirstVaultAsync(account);
        var editorId = await factory.IdOfAsync(editor);
        await factory.QueryAsync(db =>
        {
            db.VaultMembers.Add(VaultMember.Grant(vault, editorId, VaultAccessLevel.Editor, DateTime.UnixEpoch));
            return db.SaveChangesAsync();
        });
        using var client = await TestUsers.SignedInClientAsync(factory, editor);
        var token = await client.AntiforgeryTokenAsync($"/vaults/{vault}");

        using var response = await client.PostFormWithoutTokenAsync($"/vaults/{vault}/members?handler=Change", new Dictionary<string, string>
        {
            ["userId"] = editorId.ToString(),
            ["access"] = "Manager",
            ["vaultId"] = Guid.NewGuid().ToString(),
            ["__RequestVerificationToken"] = token,
        });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(VaultAccessLevel.Editor, await factory.AccessAsync(vault, editorId));
    }
}
