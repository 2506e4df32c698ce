using System.Net;
using Kith.Infrastructure.Cli;

namespace Kith.Tests.Infrastructure;

public sealed record TestUser(string Email, string Password, string Name);

/// <summary>Creates confirmed users through the operator CLI (the same code path operators use) and signs them in.</summary>
public static class TestUsers
{
    public static string NewEmail(string prefix = "user") => $"{prefix}-{Guid.NewGuid():N}@example.org";

    // Digits only: a hex part could spell a short name such as "eda" or "ada", which the policy rightly refuses.
    public static string NewPassword() =>
        TestSecrets.Remember($"velvet tractor {System.Security.Cryptography.RandomNumberGenerator.GetInt32(1_000_000_000):D9} lantern");

    public static async Task<TestUser> CreateAsync(KithFactory factory, string? email = null, string? password = null, string name = "Robin Tester")
    {
        var user = new TestUser(email ?? NewEmail(), password ?? NewPassword(), name);
        using var stdout = new StringWriter();
        var exit = await KithCli.RunAsync(factory.Services, ["users", "create", "--email", user.Email, "--name", user.Name],
            new StringReader(user.Password + "\n"), stdout);
        Assert.True(exit == 0, stdout.ToString());
        return user;
    }

    public static async Task<HttpResponseMessage> SignInAsync(KithClient client, string email, string password) =>
        await client.PostFormAsync("/account/login", new Dictionary<string, string>
        {
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        });

    public static async Task<KithClient> SignedInClientAsync(KithFactory factory, TestUser user, string host = "localhost")
    {
        var client = factory.CreateWebClient(host);
        using var response = await SignInAsync(client, user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return client;
    }
}
