using System.Net;
using System.Text.RegularExpressions;
using Kith.Features.Account.TwoFactor;
using Kith.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Account.TwoFactor;

/// <summary>A Kith host whose clock the test moves: TOTP steps, the pending sign-in lifetime and the sweep follow it.</summary>
public sealed class MfaFactory : KithFactory
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed record Enrolment(byte[] Seed, string ManualKey, IReadOnlyList<string> RecoveryCodes);

/// <summary>Drives the MFA pages like a person with an authenticator app: codes are computed from the key the page shows.</summary>
public static partial class Mfa
{
    public const string ManagePage = "/account/manage/two-factor";
    public const string SecondFactorPage = "/account/two-factor";

    public static async Task<Enrolment> EnrolAsync(KithClient client, TimeProvider clock)
    {
        using (var begin = await client.PostFormAsync(ManagePage + "?handler=Begin", new Dictionary<string, string>(), ManagePage))
            Assert.Equal(HttpStatusCode.Redirect, begin.StatusCode);
        var key = WebUtility.HtmlDecode(ManualKeyPattern().Match(await client.GetHtmlAsync(ManagePage)).Groups[1].Value);
        var seed = Base32.Decode(key);
        using var confirm = await client.PostFormAsync(ManagePage + "?handler=Confirm",
            new Dictionary<string, string> { ["Input.Code"] = CodeAt(seed, clock, 0) }, ManagePage);
        var body = await KithClient.BodyAsync(confirm);
        Assert.Equal(HttpStatusCode.OK, confirm.StatusCode);
        var codes = RecoveryCodePattern().Matches(body).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(RecoveryCodes.Count, codes.Count);
        return new Enrolment(seed, key.Replace(" ", "", StringComparison.Ordinal), codes);
    }

    public static string CodeAt(byte[] seed, TimeProvider clock, int stepOffset) => Totp.Code(seed, Totp.StepAt(clock.GetUtcNow()) + stepOffset);

    /// <summary>The password step; for an enrolled user it leads to the second-factor page.</summary>
    public static async Task<KithClient> PasswordStepAsync(KithFactory factory, TestUser user, KithClient? client = null)
    {
        client ??= factory.CreateWebClient();
        using var response = await TestUsers.SignInAsync(client, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(SecondFactorPage, response.Headers.Location?.OriginalString, StringComparison.Ordinal);
        return client;
    }

    public static Task<HttpResponseMessage> SecondFactorAsync(KithClient client, string code, bool rememberDevice = false) =>
        client.PostFormAsync(SecondFactorPage, new Dictionary<string, string>
        {
            ["Input.Code"] = code,
            ["Input.RememberDevice"] = rememberDevice ? "true" : "false",
        });

    /// <summary>True when the client holds a working session (the manage page answers instead of sending it to sign in).</summary>
    public static async Task<bool> IsSignedInAsync(KithClient client)
    {
        using var response = await client.GetAsync("/account/manage/password");
        return response.StatusCode == HttpStatusCode.OK;
    }

    [GeneratedRegex("<code id=\"manual-key\">([^<]+)</code>")]
    private static partial Regex ManualKeyPattern();

    [GeneratedRegex("<li><code>([a-z0-9]{5}-[a-z0-9]{5})</code></li>")]
    private static partial Regex RecoveryCodePattern();
}
