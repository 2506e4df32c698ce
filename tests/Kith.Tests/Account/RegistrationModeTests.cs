using System.Net;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Account;

public sealed class FirstAccountOnlyFactory : KithFactory
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Kith:Registration"] = "FirstAccountOnly";
}

public sealed class ClosedRegistrationFactory : KithFactory
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Kith:Registration"] = "Closed";
}

public sealed class FirstAccountOnlyTests(FirstAccountOnlyFactory factory) : IClassFixture<FirstAccountOnlyFactory>
{
    [Fact]
    public async Task The_first_visitor_becomes_instance_administrator_and_then_registration_closes()
    {
        using var client = factory.CreateWebClient();
        var first = TestUsers.NewEmail("first");
        var second = TestUsers.NewEmail("second");

        Assert.Contains("Create account", await client.GetHtmlAsync("/account/register"), StringComparison.Ordinal);
        using var firstResponse = await client.PostFormAsync("/account/register", RegistrationForm(first));
        Assert.Equal(HttpStatusCode.OK, firstResponse.StatusCode);
        var owner = await factory.UserAsync(first);
        Assert.True(owner?.IsInstanceAdministrator);

        Assert.Contains("not accepting new accounts", await client.GetHtmlAsync("/account/register"), StringComparison.Ordinal);
        var token = await client.AntiforgeryTokenAsync("/account/login");
        using var secondResponse = await client.PostFormWithoutTokenAsync("/account/register",
            new Dictionary<string, string>(RegistrationForm(second)) { ["__RequestVerificationToken"] = token });
        Assert.Equal(HttpStatusCode.Forbidden, secondResponse.StatusCode);
        Assert.Null(await factory.UserAsync(second));
    }

    internal static Dictionary<string, string> RegistrationForm(string email)
    {
        var password = TestUsers.NewPassword();
        return new()
        {
            ["Input.DisplayName"] = "Alex Morgan",
            ["Input.Email"] = email,
            ["Input.Password"] = password,
            ["Input.ConfirmPassword"] = password,
        };
    }
}

public sealed class ClosedRegistrationTests(ClosedRegistrationFactory factory) : IClassFixture<ClosedRegistrationFactory>
{
    [Fact]
    public async Task A_closed_instance_refuses_registration_and_writes_nothing()
    {
        using var client = factory.CreateWebClient();
        var email = TestUsers.NewEmail();
        var token = await client.AntiforgeryTokenAsync("/account/login");

        using var response = await client.PostFormWithoutTokenAsync("/account/register",
            new Dictionary<string, string>(FirstAccountOnlyTests.RegistrationForm(email)) { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await factory.UserAsync(email));
        Assert.Empty(factory.Mailbox.To(email));
    }
}
