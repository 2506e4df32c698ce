using System.Net;
using System.Text.RegularExpressions;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Admin;

public sealed partial class AdminAccessTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    public static readonly TheoryData<string> Pages = ["/admin", "/admin/registration", "/admin/security-check"];

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task The_instance_administrator_opens_every_admin_page(string path)
    {
        using var admin = await factory.AdminClientAsync();

        var html = await admin.GetHtmlAsync(path);

        Assert.Contains("Instance administration", html, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task To_anyone_else_the_admin_area_looks_exactly_like_an_address_that_does_not_exist(string path)
    {
        using var anonymous = factory.CreateWebClient();
        using var member = await TestUsers.SignedInClientAsync(factory, await TestUsers.CreateAsync(factory));

        foreach (var (client, expected) in new[] { (anonymous, HttpStatusCode.Redirect), (member, HttpStatusCode.NotFound) })
        {
            var answer = await NormalizedAsync(client, path, path);
            var missing = await NormalizedAsync(client, path + "-missing", path);
            Assert.Equal(expected, answer.Status);
            Assert.Equal(missing, answer);
        }
    }

    [Fact]
    public async Task Only_the_instance_administrator_sees_the_admin_link()
    {
        using var admin = await factory.AdminClientAsync();
        using var member = await TestUsers.SignedInClientAsync(factory, await TestUsers.CreateAsync(factory));

        Assert.Contains("href=\"/admin\"", await admin.GetHtmlAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", await member.GetHtmlAsync("/"), StringComparison.Ordinal);
        Assert.DoesNotContain("href=\"/admin\"", await factory.CreateWebClient().GetHtmlAsync("/"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Taking_the_role_away_closes_the_admin_area_at_once_in_an_open_session()
    {
        var other = await TestUsers.CreateAsync(factory);
        var id = (await factory.UserAsync(other.Email))!.Id;
        await SetAdministratorAsync(id, true);
        using var client = await TestUsers.SignedInClientAsync(factory, other);
        using (var granted = await client.GetAsync("/admin")) Assert.Equal(HttpStatusCode.OK, granted.StatusCode);

        await SetAdministratorAsync(id, false);

        using var refused = await client.GetAsync("/admin");
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
    }

    private Task<int> SetAdministratorAsync(Guid id, bool value) =>
        factory.QueryAsync(db => db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(u => u.SetProperty(x => x.IsInstanceAdministrator, value)));

    /// <summary>The answer without what differs between any two responses: the path itself, correlation ids and antiforgery tokens.</summary>
    private static async Task<(HttpStatusCode Status, string Location, string Body)> NormalizedAsync(KithClient client, string path, string shownAs)
    {
        using var response = await client.GetAsync(path);
        string Normalize(string text) => Variable().Replace(text, "…").Replace(Uri.EscapeDataString(path), shownAs, StringComparison.Ordinal)
            .Replace(path, shownAs, StringComparison.Ordinal);
        return (response.StatusCode, Normalize(response.Headers.Location?.OriginalString ?? ""), Normalize(await KithClient.BodyAsync(response)));
    }

    [GeneratedRegex("[0-9a-f]{32}|value=\"[^\"]{40,}\"")]
    private static partial Regex Variable();
}

/// <summary>Its own host: refusals are logged once per path and client per minute, so other tests' requests must not come first.</summary>
public sealed class AdminRefusalTests(AdminFactory factory) : IClassFixture<AdminFactory>
{
    [Fact]
    public async Task A_refused_post_changes_nothing_and_is_logged()
    {
        var user = await TestUsers.CreateAsync(factory);
        using var member = await TestUsers.SignedInClientAsync(factory, user);
        var token = await member.AntiforgeryTokenAsync("/account/manage/password");

        using var response = await member.PostFormWithoutTokenAsync("/admin/registration",
            new Dictionary<string, string> { ["Input.Mode"] = "Closed", ["__RequestVerificationToken"] = token });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Null(await factory.QueryAsync(db => db.InstanceState.Select(s => s.Registration).SingleAsync()));
        var id = (await factory.UserAsync(user.Email))!.Id;
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.AuthorizationFailed, id));
        Assert.False(await factory.HasEventAsync(SecurityEventTypes.RegistrationModeChanged, id));
    }
}
