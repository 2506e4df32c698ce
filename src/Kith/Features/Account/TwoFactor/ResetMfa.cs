namespace Kith.Features.Account.TwoFactor;

/// <summary>Removes every second factor Kith manages (authenticator, recovery codes, remembered devices); passkeys are their own feature.</summary>
public sealed class ResetMfa(Authenticators authenticators, RecoveryCodes recoveryCodes, RememberedDevices devices)
{
    public async Task RemoveAllAsync(Guid userId, CancellationToken ct)
    {
        await authenticators.DisableAsync(userId, ct);
        await recoveryCodes.DeleteAllAsync(userId, ct);
        await devices.RevokeAllAsync(userId, ct);
    }
}
