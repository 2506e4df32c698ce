using System.Security.Cryptography;
using System.Text;
using Kith.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Account.Passkeys;

/// <summary>What the browser needs to start a ceremony: the WebAuthn options and the handle that names the challenge.</summary>
public sealed record PasskeyCeremony(string Handle, string Options);

/// <summary>A verified assertion: who proved possession, and with which passkey.</summary>
public sealed record PasskeyProof(User User, UserPasskeyInfo Passkey);

/// <summary>
/// WebAuthn ceremonies on top of Identity's <see cref="IPasskeyHandler{TUser}"/>. The challenge state lives in a
/// single-use database row (not Identity's two-factor cookie, which the password → second-factor step needs and which
/// a captured request could replay). Registration, passwordless sign-in, sudo mode and a second factor all use it.
/// </summary>
public sealed class PasskeyCeremonies(IPasskeyHandler<User> handler, UserManager<User> users, AppDbContext db,
    TimeProvider clock, IHttpContextAccessor http)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);
    private const string Registration = "registration";
    private const string Assertion = "assertion";

    public async Task<PasskeyCeremony> BeginRegistrationAsync(User user, CancellationToken ct)
    {
        var entity = new PasskeyUserEntity
        {
            Id = user.Id.ToString(),
            Name = user.Email ?? user.Id.ToString(),
            DisplayName = string.IsNullOrWhiteSpace(user.DisplayName) ? user.Email ?? "" : user.DisplayName,
        };
        var options = await handler.MakeCreationOptionsAsync(entity, Http);
        return await IssueAsync(Registration, user.Id, options.AttestationState, options.CreationOptionsJson, ct);
    }

    /// <summary>Verifies a new credential made for <paramref name="user"/> and stores it under <paramref name="name"/>; null when refused.</summary>
    public async Task<UserPasskeyInfo?> CompleteRegistrationAsync(User user, string handle, string credentialJson, string name, CancellationToken ct)
    {
        var challenge = await TakeAsync(handle, Registration, ct);
        if (challenge is null || challenge.UserId != user.Id || string.IsNullOrEmpty(credentialJson)) return null;
        var result = await handler.PerformAttestationAsync(new PasskeyAttestationContext
        {
            CredentialJson = credentialJson,
            AttestationState = challenge.State,
            HttpContext = Http,
        });
        if (!result.Succeeded || result.UserEntity.Id != user.Id.ToString()) return null;
        if (await users.FindByPasskeyIdAsync(result.Passkey.CredentialId) is not null) return null;
        result.Passkey.Name = name;
        return (await users.AddOrUpdatePasskeyAsync(user, result.Passkey)).Succeeded ? result.Passkey : null;
    }

    /// <summary>Starts an assertion; with a user, only that user's passkeys are offered and accepted.</summary>
    public async Task<PasskeyCeremony> BeginAssertionAsync(User? user, CancellationToken ct)
    {
        var options = await handler.MakeRequestOptionsAsync(user, Http);
        return await IssueAsync(Assertion, user?.Id, options.AssertionState, options.RequestOptionsJson, ct);
    }

    /// <summary>
    /// Verifies an assertion against its single-use challenge. With <paramref name="expectedUser"/> (sudo mode, a second
    /// factor) a passkey of anyone else is refused. The stored signature counter is advanced, so a cloned
    /// authenticator that counts shows up as a failure.
    /// </summary>
    public async Task<PasskeyProof?> VerifyAssertionAsync(string? handle, string? credentialJson, User? expectedUser, CancellationToken ct)
    {
        var challenge = await TakeAsync(handle, Assertion, ct);
        if (challenge is null || string.IsNullOrEmpty(credentialJson)) return null;
        if (expectedUser is not null && challenge.UserId != expectedUser.Id) return null;
        var result = await handler.PerformAssertionAsync(new PasskeyAssertionContext
        {
            CredentialJson = credentialJson,
            AssertionState = challenge.State,
            HttpContext = Http,
        });
        if (!result.Succeeded) return null;
        if (expectedUser is not null && result.User.Id != expectedUser.Id) return null;
        if (!(await users.AddOrUpdatePasskeyAsync(result.User, result.Passkey)).Succeeded) return null;
        return new PasskeyProof(result.User, result.Passkey);
    }

    private HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("Passkey ceremonies run inside a request.");

    private async Task<PasskeyCeremony> IssueAsync(string purpose, Guid? userId, string? state, string options, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await db.PasskeyChallenges.Where(c => c.ExpiresAt < now).ExecuteDeleteAsync(ct);
        var handle = WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));
        db.PasskeyChallenges.Add(PasskeyChallenge.Issue(KeyOf(handle), purpose, userId, state ?? "", now + Lifetime));
        await db.SaveChangesAsync(ct);
        return new PasskeyCeremony(handle, options);
    }

    private async Task<PasskeyChallenge?> TakeAsync(string? handle, string purpose, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(handle) || handle.Length > FieldLengths.PasskeyHandle) return null;
        var key = KeyOf(handle);
        var challenge = await db.PasskeyChallenges.AsNoTracking().SingleOrDefaultAsync(c => c.Key == key, ct);
        if (challenge is null) return null;
        // Deleting is the claim: of two requests carrying the same handle only one deletes the row.
        var claimed = await db.PasskeyChallenges.Where(c => c.Key == key).ExecuteDeleteAsync(ct) == 1;
        return claimed && challenge.Purpose == purpose && challenge.ExpiresAt > clock.GetUtcNow().UtcDateTime ? challenge : null;
    }

    private static string KeyOf(string handle) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(handle)));
}
