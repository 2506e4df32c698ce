using System.Net;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Accounts;
using Kith.Tests.Account;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Accounts;

public sealed class SudoModeTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task A_sensitive_change_ten_minutes_after_sign_in_asks_for_the_password_first()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var member = await Infrastructure.Accounts.CreateInAccountAsync(factory, await factory.AccountOfAsync(owner), AccountRole.Member);
        var memberId = await factory.IdOfAsync(member);
        using var client = await TestUsers.SignedInClientAsync(factory, owner);
        var form = new Dictionary<string, string> { ["userId"] = memberId.ToString(), ["role"] = "Administrator" };
        var token = await client.AntiforgeryTokenAsync("/settings/users");

        factory.Clock.Advance(TimeSpan.FromMinutes(11));
        using (var stale = await client.PostFormWithoutTokenAsync("/settings/users?handler=Role", new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token }))
        {
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
            Assert.StartsWith("/account/reauthenticate?returnUrl=%2Fsettings%2Fusers", stale.Headers.Location?.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(AccountRole.Member, (await factory.UserAsync(member.Email))!.Role);

        using (var wrong = await client.PostFormAsync("/account/reauthenticate", new Dictionary<string, string> { ["Password"] = "not the password at all" }))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
        Assert.Equal(1, (await factory.UserAsync(owner.Email))!.AccessFailedCount);
        using (var right = await client.PostFormAsync("/account/reauthenticate", new Dictionary<string, string> { ["Password"] = owner.Password, ["ReturnUrl"] = "/settings/users" }))
        {
            Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
            Assert.Equal("/settings/users", right.Headers.Location?.OriginalString);
        }

        using var fresh = await client.PostFormWithoutTokenAsync("/settings/users?handler=Role", new Dictionary<string, string>(form) { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Redirect, fresh.StatusCode);
        Assert.Equal(AccountRole.Administrator, (await factory.UserAsync(member.Email))!.Role);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.Reauthenticated));
    }

    [Fact]
    public async Task Deleting_a_vault_other_people_use_asks_for_the_password_first()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var account = await factory.AccountOfAsync(owner);
        var member = await Infrastructure.Accounts.CreateInAccountAsync(factory, account, AccountRole.Member);
        var vault = await factory.FirstVaultAsync(account);
        var memberId = await factory.IdOfAsync(member);
        await factory.QueryAsync(db =>
        {
            db.VaultMembers.Add(Kith.Features.Vaults.VaultMember.Grant(vault, memberId, Kith.Features.Vaults.VaultAccessLevel.Viewer, DateTime.UnixEpoch));
            return db.SaveChangesAsync();
        });
        using var client = await TestUsers.SignedInClientAsync(factory, owner);
        factory.Clock.Advance(TimeSpan.FromMinutes(11));

        using var response = await client.PostFormAsync($"/vaults/{vault}/delete",
            new Dictionary<string, string> { ["confirmName"] = Kith.Features.Accounts.AccountDefaults.FirstVaultName });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/reauthenticate", response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        Assert.NotNull(await factory.AccessAsync(vault, memberId));
    }

    [Fact]
    public async Task Re_authentication_never_redirects_off_site()
    {
        var owner = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, owner);
        using var response = await client.PostFormAsync("/account/reauthenticate",
            new Dictionary<string, string> { ["Password"] = owner.Password, ["ReturnUrl"] = "https://evil.example/" });
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }
}
