using System.Net;
using Kith.Features.Accounts;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Accounts;

public sealed class SecurityLogPageTests(KithFactory factory) : IClassFixture<KithFactory>
{
    [Fact]
    public async Task Each_user_sees_their_own_events_and_no_one_elses()
    {
        var alice = await TestUsers.CreateAsync(factory, name: "Alice Own");
        var bob = await TestUsers.CreateAsync(factory, name: "Bob Other");
        using (var bobFails = await TestUsers.SignInAsync(factory.CreateWebClient(), bob.Email, "a wrong but long password")) { }
        using var client = await TestUsers.SignedInClientAsync(factory, alice);

        var html = await client.GetHtmlAsync("/account/security-log");

        Assert.Contains("signin.succeeded", html, StringComparison.Ordinal);
        Assert.DoesNotContain("signin.failed", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Bob Other", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_administrator_sees_the_accounts_events_filtered_by_user_and_type()
    {
        var owner = await TestUsers.CreateAsync(factory, name: "Olga Owner");
        var account = await factory.AccountOfAsync(owner);
        var member = await Infrastructure.Accounts.CreateInAccountAsync(factory, account, AccountRole.Member, "Mick Member");
        var outsider = await TestUsers.CreateAsync(factory, name: "Xena Outsider");
        using (var memberFails = await TestUsers.SignInAsync(factory.CreateWebClient(), member.Email, "a wrong but long password")) { }
        using (var outsiderFails = await TestUsers.SignInAsync(factory.CreateWebClient(), outsider.Email, "a wrong but long password")) { }
        using var client = await TestUsers.SignedInClientAsync(factory, owner);

        var all = await client.GetHtmlAsync("/settings/security-log");
        var filtered = await client.GetHtmlAsync($"/settings/security-log?Filter.UserId={await factory.IdOfAsync(member)}&Filter.Type=signin.failed");

        Assert.Contains("Mick Member", all, StringComparison.Ordinal);
        Assert.DoesNotContain("Xena Outsider", all, StringComparison.Ordinal);
        Assert.Contains("signin.failed", filtered, StringComparison.Ordinal);
        Assert.DoesNotContain("signin.succeeded</td>", filtered, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_filters_fall_back_to_the_unfiltered_log()
    {
        var owner = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, owner);
        using var response = await client.GetAsync("/settings/security-log?Filter.From=not-a-date&Filter.Page=-4&Filter.UserId=zzz");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
