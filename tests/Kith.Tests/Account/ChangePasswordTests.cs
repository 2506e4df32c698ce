using System.Net;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Account;

public sealed class ChangePasswordTests(KithFactory factory) : IClassFixture<KithFactory>
{
    [Fact]
    public async Task Changing_the_password_signs_out_other_sessions_and_keeps_this_one()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var here = await TestUsers.SignedInClientAsync(factory, user);
        using var elsewhere = await TestUsers.SignedInClientAsync(factory, user);
        var newPassword = TestUsers.NewPassword();

        using var changed = await here.PostFormAsync("/account/manage/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = user.Password,
            ["Input.NewPassword"] = newPassword,
            ["Input.ConfirmPassword"] = newPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await here.GetAsync("/account/manage/password")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await elsewhere.GetAsync("/account/manage/password")).StatusCode);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.PasswordChanged));
    }

    [Fact]
    public async Task A_wrong_current_password_changes_nothing()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = await TestUsers.SignedInClientAsync(factory, user);
        var before = (await factory.UserAsync(user.Email))!.PasswordHash;

        using var response = await client.PostFormAsync("/account/manage/password", new Dictionary<string, string>
        {
            ["Input.CurrentPassword"] = "not my current password",
            ["Input.NewPassword"] = "a brand new passphrase here",
            ["Input.ConfirmPassword"] = "a brand new passphrase here",
        });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Contains("The current password is not correct", await KithClient.BodyAsync(response), StringComparison.Ordinal);
        Assert.Equal(before, (await factory.UserAsync(user.Email))!.PasswordHash);
    }
}
