using System.Net;
using Kith.Features.Account;
using Kith.Features.Account.Manage;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Account.Sessions;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using MimeKit;

namespace Kith.Tests.Account;

/// <summary>Kith sending through the real SMTP sink on loopback.</summary>
public sealed class SmtpSinkFactory : KithFactory, IAsyncLifetime
{
    public SmtpSink Sink { get; } = new(SmtpSink.FreePort());

    public async ValueTask InitializeAsync() => await Sink.StartAsync();

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Kith:Smtp:Host"] = "127.0.0.1";
        settings["Kith:Smtp:Port"] = Sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["Kith:Smtp:Security"] = "None";
        settings["Kith:Smtp:From"] = "Kith <kith@kith.test>";
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Sink.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}

public sealed class EmailChangeTests(SmtpSinkFactory factory) : IClassFixture<SmtpSinkFactory>
{
    public const string ConfirmSubject = "Confirm your new email address";
    public const string ChangedSubject = "email address of your Kith account was changed";

    [Fact]
    public async Task The_address_changes_only_when_the_link_to_the_new_address_is_opened()
    {
        var user = await TestUsers.CreateAsync(factory);
        var before = (await factory.UserAsync(user.Email))!;
        using var here = await TestUsers.SignedInClientAsync(factory, user);
        using var elsewhere = await TestUsers.SignedInClientAsync(factory, user);
        var newEmail = TestUsers.NewEmail("moved");

        using (var requested = await RequestAsync(here, newEmail, user.Password))
            Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        Assert.Contains(EmailModel.CheckYourInbox, await here.GetHtmlAsync("/account/manage/email"), StringComparison.Ordinal);
        var link = Mailbox.LinkIn(await factory.Sink.Mailbox.WaitForAsync(newEmail, ConfirmSubject), "/account/confirm-email-change");
        Assert.Equal(user.Email, (await factory.UserAsync(user.Email))!.Email);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.EmailChangeRequested, before.Id));

        // Opening the link shows a button; only confirming changes anything.
        var page = await here.GetHtmlAsync(Mailbox.PathOf(link));
        Assert.Equal(user.Email, (await factory.UserAsync(user.Email))!.Email);
        using (var confirmed = await ConfirmAsync(here, link, page))
        {
            Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
            Assert.Contains("Your email address is now", await KithClient.BodyAsync(confirmed), StringComparison.Ordinal);
        }

        var after = (await factory.UserAsync(newEmail))!;
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(newEmail, after.UserName);
        Assert.True(after.EmailConfirmed);
        Assert.NotEqual(before.SecurityStamp, after.SecurityStamp);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.EmailChanged, before.Id));
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account/manage/email")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/account/manage/email")).StatusCode);
        using (var oldSignIn = await TestUsers.SignInAsync(factory.CreateWebClient(), user.Email, user.Password))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, oldSignIn.StatusCode);
        using (var newSignIn = await TestUsers.SignInAsync(factory.CreateWebClient(), newEmail, user.Password))
            Assert.Equal(HttpStatusCode.Redirect, newSignIn.StatusCode);

        var notice = await factory.Sink.Mailbox.WaitForAsync(user.Email, ChangedSubject);
        Assert.Contains("/account/manage/sessions", notice.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain(newEmail, notice.TextBody + notice.HtmlBody, StringComparison.OrdinalIgnoreCase);

        using var reused = await ConfirmAsync(factory.CreateWebClient(), link, page, "/account/login");
        Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
    }

    [Fact]
    public async Task An_address_in_use_gets_the_same_answer_and_no_mail()
    {
        var user = await TestUsers.CreateAsync(factory);
        var owner = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        var free = TestUsers.NewEmail("free");

        using var taken = await RequestAsync(client, owner.Email.ToUpperInvariant(), user.Password);
        var takenAnswer = await client.GetHtmlAsync("/account/manage/email");
        using var accepted = await RequestAsync(client, free, user.Password);
        var freeAnswer = await client.GetHtmlAsync("/account/manage/email");

        Assert.Equal(accepted.StatusCode, taken.StatusCode);
        Assert.Equal(accepted.Headers.Location, taken.Headers.Location);
        Assert.Contains(EmailModel.CheckYourInbox, takenAnswer, StringComparison.Ordinal);
        Assert.Contains(EmailModel.CheckYourInbox, freeAnswer, StringComparison.Ordinal);
        await factory.Sink.Mailbox.WaitForAsync(free, ConfirmSubject);
        Assert.Empty(factory.Sink.Mailbox.To(owner.Email));
        var ownerAddresses = new[] { owner.Email, owner.Email.ToUpperInvariant() };
        Assert.False(await factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => ownerAddresses.Contains(m.Recipient))));
        Assert.Equal(user.Email, (await factory.UserAsync(user.Email))!.Email);
        Assert.Equal(owner.Email, (await factory.UserAsync(owner.Email))!.Email);
    }

    [Fact]
    public async Task A_wrong_password_or_the_same_address_changes_nothing_and_sends_nothing()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        var newEmail = TestUsers.NewEmail("never");

        using (var wrong = await RequestAsync(client, newEmail, "not my current password"))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, wrong.StatusCode);
            Assert.Contains("The current password is not correct", await KithClient.BodyAsync(wrong), StringComparison.Ordinal);
        }
        using (var same = await RequestAsync(client, user.Email, user.Password))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, same.StatusCode);
        using (var invalid = await RequestAsync(client, "not an address", user.Password))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, invalid.StatusCode);

        Assert.False(await factory.QueryAsync(db => db.OutboxMessages.AnyAsync(m => m.Recipient == newEmail || m.Recipient == user.Email)));
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.ReauthenticationFailed, await factory.IdOfAsync(user)));
    }

    [Fact]
    public async Task A_link_is_bound_to_its_user_and_its_new_address()
    {
        var alice = await TestUsers.CreateAsync(factory);
        var bob = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, alice);
        var newEmail = TestUsers.NewEmail("alice-new");
        using (var requested = await RequestAsync(client, newEmail, alice.Password))
            Assert.Equal(HttpStatusCode.Redirect, requested.StatusCode);
        var link = Mailbox.LinkIn(await factory.Sink.Mailbox.WaitForAsync(newEmail, ConfirmSubject), "/account/confirm-email-change");
        var aliceId = (await factory.IdOfAsync(alice)).ToString();
        var bobId = (await factory.IdOfAsync(bob)).ToString();
        var other = newEmail.Replace("alice-new-", "attacker-", StringComparison.Ordinal);

        foreach (var forged in new[]
        {
            link.Replace(aliceId, bobId, StringComparison.Ordinal),
            link.Replace("alice-new-", "attacker-", StringComparison.Ordinal),
        })
        {
            Assert.NotEqual(link, forged);
            using var shown = await client.GetAsync(Mailbox.PathOf(forged));
            Assert.Equal(HttpStatusCode.BadRequest, shown.StatusCode);
            using var posted = await client.PostFormAsync(Mailbox.PathOf(forged), FormOf(forged), "/account/manage/email");
            Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        }
        Assert.Equal(alice.Email, (await factory.UserAsync(alice.Email))!.Email);
        Assert.Equal(bob.Email, (await factory.UserAsync(bob.Email))!.Email);
        Assert.Null(await factory.UserAsync(other));
    }

    public static Task<HttpResponseMessage> RequestAsync(KithClient client, string newEmail, string password) =>
        client.PostFormAsync("/account/manage/email", new Dictionary<string, string>
        {
            ["Input.NewEmail"] = newEmail,
            ["Input.CurrentPassword"] = password,
        });

    public static async Task<HttpResponseMessage> ConfirmAsync(KithClient client, string link, string page, string? formPage = null)
    {
        Assert.Contains("Confirm the new address", page, StringComparison.Ordinal);
        return await client.PostFormAsync(Mailbox.PathOf(link), FormOf(link), formPage ?? Mailbox.PathOf(link));
    }

    private static Dictionary<string, string> FormOf(string link)
    {
        var query = System.Web.HttpUtility.ParseQueryString(new Uri(link).Query);
        return new Dictionary<string, string> { ["UserId"] = query["userId"] ?? "", ["Email"] = query["email"] ?? "", ["Code"] = query["code"] ?? "" };
    }
}
