using System.Net;
using Kith.Features.Accounts;
using Kith.Tests.Account;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Accounts;

public sealed class InvitationLifetimeTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task An_invitation_expires_after_seven_days()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var email = TestUsers.NewEmail("late");
        using (var client = await TestUsers.SignedInClientAsync(factory, owner))
        using (var sent = await client.PostFormAsync("/settings/invitations?handler=Invite",
            new Dictionary<string, string> { ["Input.Email"] = email }, formPage: "/settings/invitations"))
        {
            Assert.Equal(HttpStatusCode.Redirect, sent.StatusCode);
        }
        var link = Mailbox.LinkIn(await factory.Mailbox.WaitForAsync(email, "You are invited"), "/account/invitation");

        factory.Clock.Advance(TimeSpan.FromDays(7) + TimeSpan.FromMinutes(1));

        using var response = await InvitationTests.AcceptAsync(factory.CreateWebClient(), link, TestUsers.NewPassword());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(await factory.UserAsync(email));
    }
}

public sealed class ClosedInvitationTests(Account.ClosedRegistrationFactory factory) : IClassFixture<Account.ClosedRegistrationFactory>
{
    [Fact]
    public async Task A_closed_instance_neither_sends_nor_accepts_invitations()
    {
        var owner = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, owner);
        var email = TestUsers.NewEmail();
        using var refused = await client.PostFormAsync("/settings/invitations?handler=Invite",
            new Dictionary<string, string> { ["Input.Email"] = email }, formPage: "/settings/invitations");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        Assert.Contains("closed to new users", await KithClient.BodyAsync(refused), StringComparison.Ordinal);

        // An invitation sent before the instance was closed no longer lets anyone in.
        var ownerId = await factory.IdOfAsync(owner);
        var token = await factory.QueryAsync(async db =>
        {
            var (invitation, secret) = Invitation.Create(await factory.AccountOfAsync(owner), email, AccountRole.Member, ownerId, TimeProvider.System.GetUtcNow().UtcDateTime, TimeSpan.FromDays(7));
            db.Invitations.Add(invitation);
            await db.SaveChangesAsync();
            return secret;
        });
        using var accept = await InvitationTests.AcceptAsync(factory.CreateWebClient(), $"{KithFactory.BaseUrl}/account/invitation?token={token}", TestUsers.NewPassword());
        Assert.Equal(HttpStatusCode.Forbidden, accept.StatusCode);
        Assert.Null(await factory.UserAsync(email));
    }

    [Fact]
    public async Task A_signed_in_person_opening_someone_elses_invitation_is_told_to_sign_out()
    {
        var owner = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, owner);
        using (var landing = await client.GetAsync("/account/invitation?token=whatever")) Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        using var page = await client.GetAsync("/account/invitation");
        Assert.Equal(HttpStatusCode.Conflict, page.StatusCode);
        Assert.Contains("Sign out first", await KithClient.BodyAsync(page), StringComparison.Ordinal);
    }
}
