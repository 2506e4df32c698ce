using Kith.Data;
using Kith.Features.Account.AppPasswords;
using Kith.Features.Account.Passkeys;
using Kith.Features.Account.Passwords;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Features.Account.TwoFactor;
using Kith.Infrastructure.Configuration;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Kith.Features.Account;

public static class AccountSetup
{
    public const string CookieName = "__Host-kith";

    public static IServiceCollection AddKithAccounts(this IServiceCollection services, KithOptions kith)
    {
        services.AddSingleton<CommonPasswords>();
        services.AddSingleton<DatabaseTicketStore>();
        services.AddSingleton<Microsoft.Extensions.Options.IPostConfigureOptions<CookieAuthenticationOptions>, ConfigureTicketStore>();
        services.AddScoped<SecurityLogWriter>();
        services.AddScoped<RegistrationPolicy>();
        services.AddSingleton<AccountLinks>();
        services.AddScoped<RegisterAccount>();
        services.AddScoped<PasswordResets>();
        services.AddScoped<RecentAuthentication>();
        services.AddScoped<CurrentPassword>();
        services.AddScoped<ManageSessions>();
        services.AddScoped<EmailChanges>();
        services.AddKithTwoFactor();
        services.AddKithPasskeys(kith);
        services.AddKithAppPasswords();
        services.AddScoped<KnownDevices.KnownDeviceCookie>();
        services.AddKithSecurityAlerts();
        services.AddScoped<Navigation>();
        services.AddScoped<Accounts.ManageUsers>();
        services.AddScoped<Accounts.InviteUsers>();
        services.AddScoped<Accounts.AcceptInvitation>();
        services.AddScoped<Microsoft.AspNetCore.Authorization.IAuthorizationHandler, Accounts.AccountAdministratorHandler>();
        services.AddAuthorizationBuilder().AddPolicy(Accounts.AccountPolicy.Administer,
            p => p.RequireAuthenticatedUser().AddRequirements(new Accounts.AccountAdministratorRequirement()));

        services.Configure<PasswordHasherOptions>(o => o.IterationCount = 210_000);
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.Configure<PasswordResetTokenProviderOptions>(o => o.TokenLifespan = kith.Limits.PasswordResetTokenLifetime > TimeSpan.FromHours(1)
            ? TimeSpan.FromHours(1)
            : kith.Limits.PasswordResetTokenLifetime);

        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.AddIdentityCore<User>(o =>
            {
                o.Password.RequiredLength = FieldLengths.PasswordMin;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 1;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = kith.Limits.MaxFailedSignIns;
                o.Lockout.DefaultLockoutTimeSpan = kith.Limits.LockoutDuration;
                o.User.RequireUniqueEmail = true;
                // The user name is the email address, already validated as one; Identity's default character list refuses valid ones (o'neil@…).
                o.User.AllowedUserNameCharacters = "";
                o.SignIn.RequireConfirmedEmail = true;
                o.SignIn.RequireConfirmedAccount = true;
                o.Tokens.PasswordResetTokenProvider = PasswordResetTokenProvider.ProviderName;
                o.Tokens.ChangeEmailTokenProvider = ChangeEmailTokenProvider.ProviderName;
                o.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                o.Stores.MaxLengthForKeys = 128;
            })
            .AddSignInManager()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddTokenProvider<PasswordResetTokenProvider>(PasswordResetTokenProvider.ProviderName)
            .AddTokenProvider<ChangeEmailTokenProvider>(ChangeEmailTokenProvider.ProviderName)
            .AddPasswordValidator<PasswordPolicyValidator>();

        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = CookieName;
            o.Cookie.HttpOnly = true;
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.Path = "/";
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            // A signed-in user refused by a policy gets a plain 403 page, not a sign-in form.
            o.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = kith.Sessions.AbsoluteTimeout;
            o.SlidingExpiration = false;
        });
        services.ConfigureExternalCookie(o => HostCookie(o, "__Host-kith-external"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorUserIdScheme, o => HostCookie(o, "__Host-kith-2fa"));
        services.Configure<CookieAuthenticationOptions>(IdentityConstants.TwoFactorRememberMeScheme, o => HostCookie(o, "__Host-kith-2fa-remember"));
        return services;
    }

    private static void HostCookie(CookieAuthenticationOptions o, string name)
    {
        o.Cookie.Name = name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
        o.Cookie.SameSite = SameSiteMode.Lax;
        o.Cookie.Path = "/";
    }
}
