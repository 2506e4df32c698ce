using System.Net;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Account;

public sealed class PasswordResetTests(KithFactory factory) : IClassFixture<KithFactory>
{
    [Fact]
    public async Task A_reset_link_works_once_and_ends_every_session()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var elsewhere = await TestUsers.SignedInClientAsync(factory, user);
        using var client = factory.CreateWebClient();
        var link = await RequestResetLinkAsync(client, user.Email);
        var newPassword = TestUsers.NewPassword();

        using (var done = await ResetAsync(client, link, newPassword))
        {
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
            Assert.Contains("Your password has been changed", await KithClient.BodyAsync(done), StringComparison.Ordinal);
        }

        using (var revoked = await elsewhere.GetAsync("/account/manage/password"))
            Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        using (var reused = await ResetAsync(client, link, TestUsers.NewPassword()))
        {
            Assert.Equal(HttpStatusCode.BadRequest, reused.StatusCode);
            Assert.Contains("invalid, was already used, or has expired", await KithClient.BodyAsync(reused), StringComparison.Ordinal);
        }
        using (var signIn = await TestUsers.SignInAsync(factory.CreateWebClient(), user.Email, newPassword))
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.PasswordResetCompleted));
    }

    [Fact]
    public async Task One_users_reset_token_does_not_reset_another_user()
    {
        var alice = await TestUsers.CreateAsync(factory);
        var bob = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();
        var alicesLink = await RequestResetLinkAsync(client, alice.Email);
        var bobsId = (await factory.UserAsync(bob.Email))!.Id;
        var aliceId = (await factory.UserAsync(alice.Email))!.Id;
        var forged = alicesLink.Replace(aliceId.ToString(), bobsId.ToString(), StringComparison.Ordinal);

        using var response = await ResetAsync(client, forged, TestUsers.NewPassword());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var bobStillSignsIn = await TestUsers.SignInAsync(factory.CreateWebClient(), bob.Email, bob.Password);
        Assert.Equal(HttpStatusCode.Redirect, bobStillSignsIn.StatusCode);
    }

    [Fact]
    public async Task Forgot_password_answers_the_same_whether_or_not_the_email_has_an_account()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();
        var unknown = TestUsers.NewEmail();

        using var known = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = user.Email });
        using var notKnown = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = unknown });

        Assert.Equal(known.StatusCode, notKnown.StatusCode);
        Assert.Equal(MainOf(await KithClient.BodyAsync(known)), MainOf(await KithClient.BodyAsync(notKnown)));
        await factory.Mailbox.WaitForAsync(user.Email, "Reset your Kith password");
        Assert.Empty(factory.Mailbox.To(unknown));
    }

    [Fact]
    public async Task A_weak_new_password_is_refused_and_the_link_still_works()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();
        var link = await RequestResetLinkAsync(client, user.Email);

        using var weak = await ResetAsync(client, link, "password1234");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, weak.StatusCode);
        using var strong = await ResetAsync(client, link, TestUsers.NewPassword());
        Assert.Equal(HttpStatusCode.OK, strong.StatusCode);
    }

    internal static async Task<string> RequestResetLinkAsync(KithClient client, string email, KithFactory? factory = null)
    {
        using var response = await client.PostFormAsync("/account/forgot-password", new Dictionary<string, string> { ["Input.Email"] = email });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mailbox = (factory ?? throw new InvalidOperationException()).Mailbox;
        return Mailbox.LinkIn(await mailbox.WaitForAsync(email, "Reset your Kith password"), "/account/reset-password");
    }

    private Task<string> RequestResetLinkAsync(KithClient client, string email) => RequestResetLinkAsync(client, email, factory);

    internal static async Task<HttpResponseMessage> ResetAsync(KithClient client, string link, string password)
    {
        // Following the emailed link moves the token into TempData and redirects to the bare page.
        using var landing = await client.GetAsync(Mailbox.PathOf(link));
        Assert.Equal(HttpStatusCode.Redirect, landing.StatusCode);
        Assert.Equal("/account/reset-password", landing.Headers.Location?.OriginalString);
        var html = await client.GetHtmlAsync("/account/reset-password");
        var userId = Hidden(html, "Input.UserId");
        var code = Hidden(html, "Input.Code");
        Assert.NotNull(userId);
        Assert.NotNull(code);
        return await client.PostFormAsync("/account/reset-password", new Dictionary<string, string>
        {
            ["Input.UserId"] = userId,
            ["Input.Code"] = code,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        }, formPage: "/account/login");
    }

    private static string? Hidden(string html, string name)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $"name=\"{System.Text.RegularExpressions.Regex.Escape(name)}\" value=\"([^\"]*)\"");
        if (!match.Success) match = System.Text.RegularExpressions.Regex.Match(html, $"id=\"[^\"]+\" name=\"{System.Text.RegularExpressions.Regex.Escape(name)}\" value=\"([^\"]*)\"");
        return match.Success ? System.Net.WebUtility.HtmlDecode(match.Groups[1].Value) : null;
    }

    private static string MainOf(string html) => html[html.IndexOf("<main", StringComparison.Ordinal)..html.IndexOf("</main>", StringComparison.Ordinal)];
}
