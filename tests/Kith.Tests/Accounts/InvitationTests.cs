using System.Net;
using Kith.Features.Account;
using Kith.Features.Accounts;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Accounts;

public sealed class InvitationTests(KithFactory factory) : IClassFixture<KithFactory>
{
    private async Task<(TestUser Owner, KithClient Client, string Email, string Link)> InviteAsync(AccountRole role = AccountRole.Member)
    {
        var owner = await TestUsers.CreateAsync(factory);
        var client = await TestUsers.SignedInClientAsync(factory, owner);
        var email = TestUsers.NewEmail("invitee");
        using var sent = await client.PostFormAsync("/settings/invitations?handler=Invite",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = role.ToString() }, formPage: "/settings/invitations");
        Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        var mail = await factory.Mailbox.WaitForAsync(email, "You are invited");
        return (owner, client, email, LinkIn(mail));
    }

    private static string LinkIn(MimeKit.MimeMessage mail)
    {
        var link = Mailbox.LinkIn(mail, "/account/invitation");
        Assert.StartsWith(KithFactory.BaseUrl + "/account/invitation?token=", link, StringComparison.Ordinal);
        return link;
    }

    internal static async Task<HttpResponseMessage> AcceptAsync(KithClient client, string link, string password, string name = "Ivy Invitee")
    {
        using (var landing = await client.GetAsync(Mailbox.PathOf(link))) Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        using var form = await client.GetAsync("/account/invitation");
        var html = await KithClient.BodyAsync(form);
        var token = System.Text.RegularExpressions.Regex.Match(html, "name=\"Token\" value=\"([^\"]*)\"").Groups[1].Value;
        return await client.PostFormAsync("/account/invitation", new Dictionary<string, string>
        {
            ["Token"] = WebUtility.HtmlDecode(token),
            ["Input.DisplayName"] = name,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }, formPage: "/account/login");
    }

    [Fact]
    public async Task An_invitee_joins_the_inviting_account_with_a_confirmed_email_and_signs_in()
    {
        var (owner, client, email, link) = await InviteAsync(AccountRole.Administrator);
        var password = TestUsers.NewPassword();
        using var invitee = factory.CreateWebClient();

        using var joined = await AcceptAsync(invitee, link, password);

        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        var user = await factory.UserAsync(email);
        Assert.NotNull(user);
        Assert.True(user.EmailConfirmed);
        Assert.Equal(AccountRole.Administrator, user.Role);
        Assert.Equal(await factory.AccountOfAsync(owner), user.AccountId);
        using var signedIn = await TestUsers.SignInAsync(invitee, email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task An_invitation_works_once()
    {
        var (_, client, _, link) = await InviteAsync();
        using (var first = await AcceptAsync(factory.CreateWebClient(), link, TestUsers.NewPassword())) Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var again = factory.CreateWebClient();
        using (var landing = await again.GetAsync(Mailbox.PathOf(link))) Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        using var reused = await again.GetAsync("/account/invitation");
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
        Assert.Contains("invalid, was already used", await KithClient.BodyAsync(reused), StringComparison.Ordinal);
        client.Dispose();
    }

    [Fact]
    public async Task Sending_again_makes_the_old_link_stop_working()
    {
        var (_, client, email, oldLink) = await InviteAsync();
        var id = await factory.QueryAsync(db => db.Invitations.Where(i => i.Email == email).Select(i => i.Id).SingleAsync());

        using var resent = await client.PostFormAsync("/settings/invitations?handler=Resend",
            new Dictionary<string, string> { ["invitationId"] = id.ToString() }, formPage: "/settings/invitations");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var newLink = LinkIn(await factory.Mailbox.WaitForAsync(email, "You are invited", expectedCount: 2));

        Assert.NotEqual(oldLink, newLink);
        var invitee = factory.CreateWebClient();
        using (var landing = await invitee.GetAsync(Mailbox.PathOf(oldLink))) Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        using (var stale = await invitee.GetAsync("/account/invitation")) Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        using var fresh = await AcceptAsync(invitee, newLink, TestUsers.NewPassword());
        Assert.Equal(HttpStatusCode.OK, fresh.StatusCode);
        client.Dispose();
    }

    [Fact]
    public async Task A_weak_password_is_refused_exactly_as_at_registration()
    {
        var (_, client, email, link) = await InviteAsync();
        using var weak = await AcceptAsync(factory.CreateWebClient(), link, "password1234");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        Assert.Contains("most common passwords", await KithClient.BodyAsync(weak), StringComparison.Ordinal);
        Assert.Null(await factory.UserAsync(email));
        client.Dispose();
    }

    [Fact]
    public async Task A_tampered_token_is_refused_and_nothing_changes()
    {
        var (_, client, email, link) = await InviteAsync();
        using var response = await AcceptAsync(factory.CreateWebClient(), link[..^4] + "AAAA", TestUsers.NewPassword());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await factory.UserAsync(email));
        client.Dispose();
    }

    [Fact]
    public async Task A_member_cannot_send_invitations()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var member = await Infrastructure.Accounts.CreateInAccountAsync(factory, await factory.AccountOfAsync(owner), AccountRole.Member);
        using var client = await TestUsers.SignedInClientAsync(factory, member);
        var email = TestUsers.NewEmail();
        var token = await client.AntiforgeryTokenAsync("/account/manage/password");

        using var response = await client.PostFormWithoutTokenAsync("/settings/invitations?handler=Invite",
            new Dictionary<string, string> { ["Input.Email"] = email, ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Invitations.AnyAsync(i => i.Email == email)));
    }

    [Fact]
    public async Task An_administrator_cannot_invite_someone_as_owner()
    {
        var owner = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, owner);
        var email = TestUsers.NewEmail();
        using var response = await client.PostFormAsync("/settings/invitations?handler=Invite",
            new Dictionary<string, string> { ["Input.Email"] = email, ["Input.Role"] = "Owner" }, formPage: "/settings/invitations");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(await factory.QueryAsync(db => db.Invitations.AnyAsync(i => i.Email == email)));
    }
}
