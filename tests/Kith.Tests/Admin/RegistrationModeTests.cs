using System.Net;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Configuration;
using Kith.Tests.Account;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Admin;

/// <summary>Kith__Registration says Closed; the instance administrator's choice in the admin area takes precedence.</summary>
public sealed class ClosedByConfigurationFactory : AdminFactory
{
    protected override void Configure(Dictionary<string, string?> settings) => settings["Kith:Registration"] = "Closed";
}

public sealed class AdminRegistrationModeTests(ClosedByConfigurationFactory factory) : IClassFixture<ClosedByConfigurationFactory>
{
    [Fact]
    public async Task Opening_registration_lets_a_second_account_register()
    {
        await ChooseAsync("Open");
        using var visitor = factory.CreateWebClient();
        var email = TestUsers.NewEmail("second");

        Assert.Contains("Create account", await visitor.GetHtmlAsync("/account/register"), StringComparison.Ordinal);
        using var response = await visitor.PostFormAsync("/account/register", FirstAccountOnlyTests.RegistrationForm(email));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var user = await factory.UserAsync(email);
        Assert.NotNull(user);
        Assert.False(user.IsInstanceAdministrator);
    }

    [Fact]
    public async Task Closing_registration_refuses_it_with_403_and_writes_nothing()
    {
        await ChooseAsync("Open");
        using var visitor = factory.CreateWebClient();
        var token = await visitor.AntiforgeryTokenAsync("/account/register");
        await ChooseAsync("Closed");
        var email = TestUsers.NewEmail("refused");
        var users = await factory.QueryAsync(db => db.Users.CountAsync());
        var accounts = await factory.QueryAsync(db => db.Accounts.CountAsync());

        using var response = await visitor.PostFormWithoutTokenAsync("/account/register",
            new Dictionary<string, string>(FirstAccountOnlyTests.RegistrationForm(email)) { ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(await factory.UserAsync(email));
        Assert.Equal(users, await factory.QueryAsync(db => db.Users.CountAsync()));
        Assert.Equal(accounts, await factory.QueryAsync(db => db.Accounts.CountAsync()));
        Assert.Empty(factory.Mailbox.To(email));
        Assert.Contains("not accepting new accounts", await visitor.GetHtmlAsync("/account/register"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Returning_to_the_default_hands_the_decision_back_to_the_configuration()
    {
        await ChooseAsync("Open");
        await ChooseAsync("Default");

        Assert.Null(await StoredAsync());
        using var visitor = factory.CreateWebClient();
        Assert.Contains("not accepting new accounts", await visitor.GetHtmlAsync("/account/register"), StringComparison.Ordinal);
        using var admin = await factory.AdminClientAsync();
        Assert.Contains("from Kith__Registration", await admin.GetHtmlAsync("/admin/registration"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Each_change_is_a_security_event_of_the_administrator()
    {
        await ChooseAsync("Default");
        await ChooseAsync("InviteOnly");

        Assert.Equal(RegistrationMode.InviteOnly, await StoredAsync());
        var adminId = (await factory.UserAsync(factory.Administrator.Email))!.Id;
        var detail = await factory.QueryAsync(db => db.SecurityEvents
            .Where(e => e.Type == SecurityEventTypes.RegistrationModeChanged && e.UserId == adminId)
            .OrderByDescending(e => e.OccurredAt).Select(e => e.Detail).FirstAsync());
        Assert.Equal("registration configuration default -> InviteOnly", detail);
    }

    [Theory]
    [InlineData("Bogus")]
    [InlineData("2")]
    [InlineData("")]
    public async Task An_unknown_mode_is_refused_and_nothing_is_stored(string mode)
    {
        await ChooseAsync("Closed");
        using var admin = await factory.AdminClientAsync();

        using var response = await admin.PostFormAsync("/admin/registration", new Dictionary<string, string> { ["Input.Mode"] = mode });

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal(RegistrationMode.Closed, await StoredAsync());
    }

    [Fact]
    public async Task The_database_refuses_a_mode_that_does_not_exist()
    {
        await Assert.ThrowsAnyAsync<Exception>(() => factory.QueryAsync(db =>
            db.Database.ExecuteSqlAsync($"UPDATE \"InstanceState\" SET \"Registration\" = {"Everyone"}")));
    }

    private async Task ChooseAsync(string mode)
    {
        using var admin = await factory.AdminClientAsync();
        using var response = await admin.PostFormAsync("/admin/registration", new Dictionary<string, string> { ["Input.Mode"] = mode });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    private Task<RegistrationMode?> StoredAsync() => factory.QueryAsync(db => db.InstanceState.Select(s => s.Registration).SingleAsync());
}
