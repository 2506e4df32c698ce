using System.Net;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Account;

public sealed class RegistrationTests(KithFactory factory) : IClassFixture<KithFactory>
{
    private static Dictionary<string, string> Form(string email, string password, string name = "Sam Rivers") => new()
    {
        ["Input.DisplayName"] = name,
        ["Input.Email"] = email,
        ["Input.Password"] = password,
        ["Input.ConfirmPassword"] = password,
    };

    [Fact]
    public async Task A_new_account_must_confirm_its_email_before_signing_in()
    {
        using var client = factory.CreateWebClient();
        var email = TestUsers.NewEmail();
        var password = TestUsers.NewPassword();

        using var registered = await client.PostFormAsync("/account/register", Form(email, password));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);
        Assert.Contains("we sent a confirmation link", await KithClient.BodyAsync(registered), StringComparison.Ordinal);

        using var tooEarly = await TestUsers.SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, tooEarly.StatusCode);
        Assert.Contains("Confirm your email address first", await KithClient.BodyAsync(tooEarly), StringComparison.Ordinal);

        var mail = await factory.Mailbox.WaitForAsync(email, "Confirm your email");
        using var confirmed = await client.GetAsync(Mailbox.PathOf(Mailbox.LinkIn(mail, "/account/confirm-email")));
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        Assert.Contains("your email address is confirmed", await KithClient.BodyAsync(confirmed), StringComparison.Ordinal);

        using var signedIn = await TestUsers.SignInAsync(client, email, password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var user = await factory.UserAsync(email);
        Assert.NotNull(user);
        Assert.Equal(Features.Accounts.AccountRole.Owner, user.Role);
        Assert.True(await factory.QueryAsync(db => db.Accounts.AnyAsync(a => a.Id == user.AccountId)));
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.Registered, user.Id));
    }

    [Fact]
    public async Task Emailed_links_use_the_configured_base_url_and_ignore_the_host_header()
    {
        using var client = factory.CreateWebClient(host: "attacker.example");
        var email = TestUsers.NewEmail();
        using var registered = await client.PostFormAsync("/account/register", Form(email, TestUsers.NewPassword()));
        Assert.Equal(HttpStatusCode.OK, registered.StatusCode);

        var link = Mailbox.LinkIn(await factory.Mailbox.WaitForAsync(email, "Confirm your email"), "/account/confirm-email");
        Assert.StartsWith(KithFactory.BaseUrl + "/account/confirm-email?", link, StringComparison.Ordinal);
        Assert.DoesNotContain("attacker.example", link, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Registering_an_existing_email_answers_the_same_and_tells_only_the_owner()
    {
        var existing = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();

        var freshEmail = TestUsers.NewEmail();
        using var fresh = await client.PostFormAsync("/account/register", Form(freshEmail, TestUsers.NewPassword()));
        using var duplicate = await client.PostFormAsync("/account/register", Form(existing.Email, TestUsers.NewPassword()));

        Assert.Equal(fresh.StatusCode, duplicate.StatusCode);
        Assert.Equal(
            MainContent(await KithClient.BodyAsync(fresh)).Replace(freshEmail, "EMAIL", StringComparison.Ordinal),
            MainContent(await KithClient.BodyAsync(duplicate)).Replace(existing.Email, "EMAIL", StringComparison.Ordinal));
        await factory.Mailbox.WaitForAsync(existing.Email, "Someone tried to register");
        var normalized = existing.Email.ToUpperInvariant();
        Assert.Equal(1, await factory.QueryAsync(db => db.Users.CountAsync(u => u.NormalizedEmail == normalized)));
    }

    [Theory]
    [InlineData("password1234", "most common passwords")]
    [InlineData("short pass", "at least 12")]
    [InlineData("aaaaaaaaaaaaaaaa", "too easy to guess")]
    [InlineData("my kith password is long", "Avoid your name")]
    [InlineData("sam rivers forever and ever", "Avoid your name")]
    public async Task Weak_common_or_personal_passwords_are_refused_and_nothing_is_written(string password, string message)
    {
        using var client = factory.CreateWebClient();
        var email = TestUsers.NewEmail();

        using var response = await client.PostFormAsync("/account/register", Form(email, password));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains(message, await KithClient.BodyAsync(response), StringComparison.Ordinal);
        Assert.Null(await factory.UserAsync(email));
        Assert.Empty(factory.Mailbox.To(email));
    }

    [Fact]
    public async Task Any_valid_email_address_can_register_and_the_confirmation_does_not_repeat_the_typed_name()
    {
        using var client = factory.CreateWebClient();
        var email = $"o'neil+{Guid.NewGuid():N}@example.org";

        using var response = await client.PostFormAsync("/account/register", Form(email, TestUsers.NewPassword(), "Click https://evil.example now"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var mail = await factory.Mailbox.WaitForAsync(email, "Confirm your email");
        Assert.DoesNotContain("evil.example", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example", mail.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_with_control_characters_is_refused()
    {
        using var client = factory.CreateWebClient();
        var email = TestUsers.NewEmail();
        using var response = await client.PostFormAsync("/account/register", Form(email, TestUsers.NewPassword(), "Sam\r\nBcc: victim@example.org"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Null(await factory.UserAsync(email));
    }

    [Fact]
    public async Task A_confirmation_link_with_a_wrong_code_confirms_nothing()
    {
        var user = await TestUsers.CreateAsync(factory);
        var id = (await factory.UserAsync(user.Email))!.Id;
        using var client = factory.CreateWebClient();

        using var response = await client.GetAsync($"/account/confirm-email?userId={id}&code=bm90LWEtdG9rZW4");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("invalid or has expired", await KithClient.BodyAsync(response), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_password_containing_the_email_name_is_refused()
    {
        using var client = factory.CreateWebClient();
        var email = $"marguerite-{Guid.NewGuid():N}@example.org";
        using var response = await client.PostFormAsync("/account/register", Form(email, "marguerite loves long walks"));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Null(await factory.UserAsync(email));
    }

    [Fact]
    public async Task Oversized_or_malformed_fields_get_a_message_and_write_nothing()
    {
        using var client = factory.CreateWebClient();
        var email = TestUsers.NewEmail();

        using var longName = await client.PostFormAsync("/account/register", Form(email, TestUsers.NewPassword(), new string('x', 101)));
        using var badEmail = await client.PostFormAsync("/account/register", Form("not-an-email", TestUsers.NewPassword()));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, longName.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, badEmail.StatusCode);
        Assert.Contains("maximum length of 100", await KithClient.BodyAsync(longName), StringComparison.Ordinal);
        Assert.Null(await factory.UserAsync(email));
    }

    private static string MainContent(string html)
    {
        var start = html.IndexOf("<main", StringComparison.Ordinal);
        var end = html.IndexOf("</main>", StringComparison.Ordinal);
        return html[start..end];
    }
}
