using System.Net;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Account;

public sealed class ShortResetLifetimeFactory : KithFactory
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Kith:Limits:PasswordResetTokenLifetime"] = "00:00:01";
}

public sealed class ShortResetLifetimeTests(ShortResetLifetimeFactory factory) : IClassFixture<ShortResetLifetimeFactory>
{
    [Fact]
    public async Task An_expired_reset_link_is_refused()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();
        var link = await PasswordResetTests.RequestResetLinkAsync(client, user.Email, factory);

        // Identity checks token expiry against the system clock, so this test waits for real.
        await Task.Delay(TimeSpan.FromSeconds(2.5), TestContext.Current.CancellationToken);

        using var response = await PasswordResetTests.ResetAsync(client, link, TestUsers.NewPassword());
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var oldPasswordStillWorks = await TestUsers.SignInAsync(factory.CreateWebClient(), user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, oldPasswordStillWorks.StatusCode);
    }
}
