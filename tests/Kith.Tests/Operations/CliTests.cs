using System.Net;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Cli;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Operations;

public sealed class CliTests(KithFactory factory) : IClassFixture<KithFactory>
{
    private async Task<(int Exit, string Output)> RunAsync(string stdin, params string[] args)
    {
        using var stdout = new StringWriter();
        var exit = await KithCli.RunAsync(factory.Services, args, new StringReader(stdin), stdout);
        return (exit, stdout.ToString());
    }

    [Fact]
    public async Task Migrate_brings_the_database_up_to_date()
    {
        var (exit, output) = await RunAsync("", "migrate");
        Assert.Equal(0, exit);
        Assert.Contains("up to date", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_create_takes_the_password_from_stdin_under_the_same_policy()
    {
        var weakEmail = TestUsers.NewEmail();
        var (weakExit, weakOutput) = await RunAsync("password1234\n", "users", "create", "--email", weakEmail, "--name", "Weak Pat");
        Assert.Equal(1, weakExit);
        Assert.Contains("most common passwords", weakOutput, StringComparison.Ordinal);
        Assert.Null(await factory.UserAsync(weakEmail));

        var user = await TestUsers.CreateAsync(factory);
        var stored = await factory.UserAsync(user.Email);
        Assert.True(stored!.EmailConfirmed);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.UserCreatedByOperator, stored.Id));
    }

    [Theory]
    [InlineData("not-an-email", "Fine Name")]
    [InlineData("ok@example.org", "Line\nbreak")]
    public async Task Users_create_refuses_bad_input_with_a_message_and_writes_nothing(string email, string name)
    {
        var (exit, output) = await RunAsync(TestUsers.NewPassword() + "\n", "users", "create", "--email", email, "--name", name);
        Assert.Equal(1, exit);
        Assert.StartsWith("Error:", output, StringComparison.Ordinal);
        Assert.Null(await factory.UserAsync(email));
    }

    [Fact]
    public void Configuration_arguments_reach_the_host_in_both_forms() =>
        Assert.Equal(["--Kith:DataDirectory", "/srv/kith", "--Kith:Registration=Closed"],
            KithCli.HostArguments(["users", "unlock", "--email", "a@b.c", "--Kith:DataDirectory", "/srv/kith", "--Kith:Registration=Closed"]));

    [Fact]
    public async Task Users_create_without_a_password_on_stdin_fails()
    {
        var (exit, output) = await RunAsync("", "users", "create", "--email", TestUsers.NewEmail(), "--name", "No Password");
        Assert.Equal(1, exit);
        Assert.Contains("standard input", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Users_unlock_lets_a_locked_user_sign_in_again()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var client = factory.CreateWebClient();
        for (var i = 0; i < 5; i++) (await TestUsers.SignInAsync(client, user.Email, "wrong long password!")).Dispose();
        using (var locked = await TestUsers.SignInAsync(client, user.Email, user.Password))
            Assert.Equal(HttpStatusCode.UnprocessableEntity, locked.StatusCode);

        var (exit, _) = await RunAsync("", "users", "unlock", "--email", user.Email);

        Assert.Equal(0, exit);
        using var signedIn = await TestUsers.SignInAsync(client, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task Users_reset_password_sets_the_password_and_ends_every_session()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var session = await TestUsers.SignedInClientAsync(factory, user);
        var newPassword = TestUsers.NewPassword();

        var (exit, _) = await RunAsync(newPassword + "\n", "users", "reset-password", "--email", user.Email);

        Assert.Equal(0, exit);
        Assert.Equal(HttpStatusCode.Redirect, (await session.GetAsync("/account/manage/password")).StatusCode);
        using var signedIn = await TestUsers.SignInAsync(factory.CreateWebClient(), user.Email, newPassword);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
    }

    [Fact]
    public async Task An_unknown_command_prints_usage_and_fails()
    {
        var (exit, output) = await RunAsync("", "users", "explode");
        Assert.Equal(2, exit);
        Assert.Contains("Usage:", output, StringComparison.Ordinal);
    }
}
