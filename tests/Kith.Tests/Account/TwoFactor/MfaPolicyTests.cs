using System.Net;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Authorization;
using Kith.Tests.Infrastructure;

namespace Kith.Tests.Account.TwoFactor;

public sealed class MfaPolicyTests(MfaFactory factory) : IClassFixture<MfaFactory>
{
    // The only places a user without MFA may go when the account requires it: enrolment, sign-out, the password
    // prompt enrolment may ask for, error pages, health probes and CSP reports. Widening this list is a decision.
    private static readonly string[] ApiPrefixes = ["/api", "/dav", "/.well-known"];

    private static readonly string[] OpenPrefixes =
        ["/account/manage/two-factor", "/account/manage/passkeys", "/account/logout", "/account/reauthenticate", "/error", "/health", "/csp-report"];

    private async Task<(TestUser Owner, KithClient Client)> OwnerRequiringMfaAsync()
    {
        var owner = await TestUsers.CreateAsync(factory);
        var client = await TestUsers.SignedInClientAsync(factory, owner);
        using var response = await client.PostFormAsync("/settings/security", new Dictionary<string, string> { ["RequireMfa"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.True(await factory.HasEventAsync(SecurityEventTypes.MfaPolicyChanged, await factory.IdOfAsync(owner)));
        return (owner, client);
    }

    [Fact]
    public async Task Until_enrolment_every_endpoint_but_enrolment_redirects_there_or_answers_403()
    {
        var (owner, client) = await OwnerRequiringMfaAsync();
        var vaultId = await factory.FirstVaultAsync(await factory.AccountOfAsync(owner));
        var token = await client.AntiforgeryTokenAsync(Mfa.ManagePage);
        var rows = MatrixRunner.Matrix;
        var inventory = EndpointInventory.Of(factory.Services).Select(MatrixRunner.Normalize).ToHashSet();
        Assert.Subset(rows.Select(r => MatrixRunner.Normalize(r.Key)).ToHashSet(), inventory);

        var failures = new List<string>();
        var blocked = 0;
        foreach (var row in rows.Where(r => !r.SignsOut))
        {
            var path = row.Path.Replace("{vaultId}", vaultId.ToString(), StringComparison.Ordinal);
            if (OpenPrefixes.Any(open => path.StartsWith(open, StringComparison.OrdinalIgnoreCase))) continue;
            var isPost = row.Key.Method == "POST";
            using var response = isPost
                ? await client.PostFormWithoutTokenAsync(path, new Dictionary<string, string> { ["__RequestVerificationToken"] = token })
                : await client.GetAsync(path);
            var location = response.Headers.Location?.OriginalString;
            // Pages are redirected to enrolment; forms, the API and DAV (no page to show) get 403.
            var isPageRead = !isPost && !ApiPrefixes.Any(prefix => path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
            var ok = !isPageRead
                ? response.StatusCode == HttpStatusCode.Forbidden
                : response.StatusCode == HttpStatusCode.Redirect && location == Mfa.ManagePage;
            if (!ok) failures.Add($"{row.Key} ({path}): {(int)response.StatusCode} {location}");
            blocked++;
        }
        Assert.Empty(failures);
        Assert.True(blocked > 40, $"only {blocked} endpoints were checked");
        // Enrolling with a passkey instead of an app stays possible.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage/passkeys")).StatusCode);

        await Mfa.EnrolAsync(client, factory.Clock);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/vaults")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/vaults/{vaultId}")).StatusCode);
    }

    [Fact]
    public async Task The_enrolment_page_itself_and_sign_out_stay_open()
    {
        var (_, client) = await OwnerRequiringMfaAsync();
        var page = await client.GetHtmlAsync(Mfa.ManagePage);
        Assert.Contains("requires two-factor authentication", page, StringComparison.Ordinal);
        using var logout = await client.PostFormAsync("/account/logout", new Dictionary<string, string>(), Mfa.ManagePage);
        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.False(await Mfa.IsSignedInAsync(client));
    }

    [Fact]
    public async Task Another_account_is_not_affected_by_the_policy()
    {
        await OwnerRequiringMfaAsync();
        using var other = await TestUsers.SignedInClientAsync(factory, await TestUsers.CreateAsync(factory));
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/vaults")).StatusCode);
    }

    [Fact]
    public async Task Members_of_the_account_are_sent_to_enrolment_after_signing_in()
    {
        var (owner, _) = await OwnerRequiringMfaAsync();
        var member = await Kith.Tests.Infrastructure.Accounts.CreateInAccountAsync(factory, await factory.AccountOfAsync(owner), Kith.Features.Accounts.AccountRole.Member);
        using var client = await TestUsers.SignedInClientAsync(factory, member);
        using var home = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal(Mfa.ManagePage, home.Headers.Location?.OriginalString);
    }
}
