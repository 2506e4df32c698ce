using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kith.Features.Account;

/// <summary>
/// Reset tokens get their own provider so they live at most an hour (Identity's default is a day).
/// Single use comes from the security stamp, which a successful reset changes.
/// </summary>
public sealed class PasswordResetTokenProvider(IDataProtectionProvider dataProtectionProvider,
    IOptions<PasswordResetTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<User>> logger)
    : DataProtectorTokenProvider<User>(dataProtectionProvider, options, logger)
{
    public const string ProviderName = "KithPasswordReset";
}

public sealed class PasswordResetTokenProviderOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetTokenProviderOptions()
    {
        Name = PasswordResetTokenProvider.ProviderName;
        TokenLifespan = TimeSpan.FromHours(1);
    }
}
