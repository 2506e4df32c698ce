using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kith.Features.Account;

/// <summary>
/// Email-change links get their own provider and lifetime. The token names the new address and the security stamp,
/// which the change itself renews, so a link works once; nothing about it is stored.
/// </summary>
public sealed class ChangeEmailTokenProvider(IDataProtectionProvider dataProtectionProvider,
    IOptions<ChangeEmailTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<User>> logger)
    : DataProtectorTokenProvider<User>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "KithChangeEmail";
}

public sealed class ChangeEmailTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public ChangeEmailTokenProviderOptions()
    {
        Name = ChangeEmailTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromHours(24);
    }
}
