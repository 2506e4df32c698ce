using System.Net;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Accounts;
using Kith.Features.Vaults;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Accounts;

public sealed class UserAdministrationTests(KithFactory factory) : IClassFixture<KithFactory>
{
    private static Task<HttpResponseMessage> PostAsync(KithClient client, string handler, Guid userId, string? role = null)
    {
        var form = new Dictionary<string, string> { ["userId"] = userId.ToString() };
        if (role is not null) form["role"] = role;
        return client.PostFormAsync($"/settings/users?handler={handler}", form, formPage: "/settings/users");
    }

    [Fact]
    public async Task Deactivating_a_user_ends_their_sessions_at_once_and_blocks_sign_in()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var member = await Infrastructure.Accounts.CreateInAccountAsync(factory, await factory.AccountOfAsync(owner), AccountRole.Member);
        using var memberSession = await TestUsers.SignedInClientAsync(factory, member);
        using var admin = await TestUsers.SignedInClientAsync(factory, owner);

        using var response = await PostAsync(admin, "Deactivate", await factory.IdOfAsync(member));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await memberSession.GetAsync("/account/manage/password")).StatusCode);
        using var signIn = await TestUsers.SignInAsync(factory.CreateWebClient(), member.Email, member.Password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, signIn.StatusCode);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.UserDeactivated));
    }

    [Fact]
    public async Task Removing_the_only_manager_of_a_vault_hands_it_to_the_owner()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var account = await factory.AccountOfAsync(owner);
        var member = await Infrastructure.Accounts.CreateInAccountAsync(factory, account, AccountRole.Member);
        using (var memberClient = await TestUsers.SignedInClientAsync(factory, member))
        using (var created = await memberClient.PostFormAsync("/vaults/new", new Dictionary<string, string> { ["Input.Name"] = "Member's vault" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        }
        var memberId = await factory.IdOfAsync(member);
        var vault = await factory.QueryAsync(db => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(
            db.Vaults.Where(v => v.Members.Any(m => m.UserId == memberId)).Select(v => v.Id)));
        using var admin = await TestUsers.SignedInClientAsync(factory, owner);

        using var removed = await PostAsync(admin, "Remove", memberId);

        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null(await factory.UserAsync(member.Email));
        Assert.Equal(VaultAccessLevel.Manager, await factory.AccessAsync(vault, await factory.IdOfAsync(owner)));
    }

    [Fact]
    public async Task The_owner_keeps_their_role_and_only_the_owner_transfers_ownership()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var account = await factory.AccountOfAsync(owner);
        var admin = await Infrastructure.Accounts.CreateInAccountAsync(factory, account, AccountRole.Administrator);
        var member = await Infrastructure.Accounts.CreateInAccountAsync(factory, account, AccountRole.Member);
        using var adminClient = await TestUsers.SignedInClientAsync(factory, admin);

        using (var demoteOwner = await PostAsync(adminClient, "Role", await factory.IdOfAsync(owner), "Member"))
            Assert.Equal(HttpStatusCode.Forbidden, demoteOwner.StatusCode);
        using (var takeOver = await PostAsync(adminClient, "Transfer", await factory.IdOfAsync(admin)))
            Assert.Equal(HttpStatusCode.Forbidden, takeOver.StatusCode);
        Assert.Equal(AccountRole.Owner, (await factory.UserAsync(owner.Email))!.Role);

        using var ownerClient = await TestUsers.SignedInClientAsync(factory, owner);
        using (var transfer = await PostAsync(ownerClient, "Transfer", await factory.IdOfAsync(member)))
            Assert.Equal(HttpStatusCode.Redirect, transfer.StatusCode);
        Assert.Equal(AccountRole.Owner, (await factory.UserAsync(member.Email))!.Role);
        Assert.Equal(AccountRole.Administrator, (await factory.UserAsync(owner.Email))!.Role);
    }

    [Fact]
    public async Task A_demoted_administrator_loses_the_settings_at_once()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var admin = await Infrastructure.Accounts.CreateInAccountAsync(factory, await factory.AccountOfAsync(owner), AccountRole.Administrator);
        using var adminClient = await TestUsers.SignedInClientAsync(factory, admin);
        Assert.Equal(HttpStatusCode.OK, (await adminClient.GetAsync("/settings/users")).StatusCode);

        using var ownerClient = await TestUsers.SignedInClientAsync(factory, owner);
        using (var demote = await PostAsync(ownerClient, "Role", await factory.IdOfAsync(admin), "Member"))
            Assert.Equal(HttpStatusCode.Redirect, demote.StatusCode);

        Assert.Equal(HttpStatusCode.Forbidden, (await adminClient.GetAsync("/settings/users")).StatusCode);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.RoleChanged));
    }

    [Fact]
    public async Task Another_accounts_user_cannot_be_touched()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var stranger = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, owner);

        using var response = await PostAsync(client, "Deactivate", await factory.IdOfAsync(stranger));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null((await factory.UserAsync(stranger.Email))!.DeactivatedAt);
    }
}
