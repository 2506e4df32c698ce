using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Admin;
using Kith.Features.Contacts;
using Kith.Features.Personalization;
using Kith.Features.Vaults;
using Kith.Infrastructure.Configuration;
using Kith.Infrastructure.Crypto;
using Kith.Infrastructure.Email;
using Kith.Infrastructure.Health;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Antiforgery;
using Serilog;
using Serilog.Events;
using Serilog.Formatting.Compact;

namespace Kith.Infrastructure;

public static class KithHost
{
    public static readonly string[] AnonymousPages =
    [
        "/Index", "/Error", "/Account/Register", "/Account/Login", "/Account/PasskeySignIn", "/Account/Logout",
        "/Account/ForgotPassword", "/Account/ResetPassword", "/Account/ConfirmEmail", "/Account/ConfirmEmailChange", "/Account/Invitation",
        "/Account/TwoFactor",
    ];

    public static WebApplicationBuilder AddKith(this WebApplicationBuilder builder)
    {
        SecretFiles.Apply(builder.Configuration);
        var kith = builder.Configuration.GetSection(KithOptions.Section).Get<KithOptions>() ?? new KithOptions();
        var services = builder.Services;
        services.AddOptions<KithOptions>().Bind(builder.Configuration.GetSection(KithOptions.Section));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<PublicLinks>();
        services.AddSingleton<CspViolations>();
        services.AddHostedService<StartupTasks>();

        builder.Logging.ClearProviders();
        services.AddSerilog((provider, log) => log
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft.AspNetCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore", LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", LogEventLevel.Information)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(new CompactJsonFormatter()), writeToProviders: true);

        builder.WebHost.ConfigureKestrel(k =>
        {
            k.AddServerHeader = false;
            k.Limits.MaxRequestBodySize = kith.Limits.MaxRequestBodyBytes;
        });

        services.AddKithData(kith);
        services.AddKithDataProtection();
        services.AddKithEmail();
        services.AddKithAccounts(kith);
        services.AddKithVaults();
        services.AddKithContacts();
        services.AddKithPersonalization();
        services.AddKithAdmin();
        services.AddKithRateLimiting(kith);
        services.AddKithForwardedHeaders(kith);
        services.AddKithHealth();
        services.AddKithSecurityHeaders();
        services.AddProblemDetails();
        services.AddHttpContextAccessor();
        var localHttp = kith.ServesPlainHttpOnLoopback;
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = localHttp ? "kith-af" : "__Host-kith-af";
            o.Cookie.SecurePolicy = localHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.HttpOnly = true;
            o.HeaderName = "X-CSRF-TOKEN";
        });
        services.Configure<Microsoft.AspNetCore.Mvc.CookieTempDataProviderOptions>(o =>
        {
            o.Cookie.Name = localHttp ? "kith-tmp" : "__Host-kith-tmp";
            o.Cookie.SecurePolicy = localHttp ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.HttpOnly = true;
            o.Cookie.IsEssential = true;
        });
        services.AddRouting(o => o.LowercaseUrls = true);
        services.AddHttpsRedirection(o =>
        {
            o.RedirectStatusCode = StatusCodes.Status308PermanentRedirect;
            o.HttpsPort = Uri.TryCreate(kith.BaseUrl, UriKind.Absolute, out var baseUri) && baseUri.Scheme == Uri.UriSchemeHttps ? baseUri.Port : 443;
        });
        services.AddRazorPages(o =>
        {
            o.RootDirectory = "/Features";
            // Deny by default (the fallback policy below); these pages are for people not signed in.
            foreach (var page in AnonymousPages) o.Conventions.AllowAnonymousToPage(page);
            // Every page under /Vaults/Scoped is vault-scoped: at least viewer access, decided by the choke point.
            o.Conventions.AuthorizeFolder("/Vaults/Scoped", VaultPolicy.View);
            // Account settings are for the account's administrators (role read from the database per request).
            o.Conventions.AuthorizeFolder("/Settings", Features.Accounts.AccountPolicy.Administer);
            // Every page under /Admin is for the instance administrator only; everyone else gets 404.
            o.Conventions.AuthorizeFolder("/Admin", AdminPolicy.Instance);
        }).AddMvcOptions(o => o.Filters.Add<AntiforgeryFailureLogger>());
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return builder;
    }

    public static WebApplication UseKith(this WebApplication app)
    {
        // With empty proxy lists the middleware trusts every sender, so it runs only when proxies are listed.
        var kith = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<KithOptions>>().Value;
        if (ForwardedHeadersSetup.Parse(kith.TrustedProxies).Any()) app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        // A deployed instance is HTTPS only: a plain-HTTP request (direct, or a proxy saying so) is sent to HTTPS
        // rather than failing on the HTTPS-only cookies. Trying Kith on loopback over HTTP stays possible.
        // Health probes from a load balancer stay on plain HTTP.
        if (!kith.ServesPlainHttpOnLoopback)
            app.UseWhen(context => !context.Request.Path.StartsWithSegments("/health"), branch => branch.UseHttpsRedirection());
        app.UseMiddleware<NoStoreForDynamicResponses>();
        app.UseExceptionHandler("/error");
        app.UseStatusCodePagesWithReExecute("/error/{0}");
        app.UseMiddleware<RequestSizeLimitMiddleware>();
        // RequestPath excludes the query string, where emailed tokens travel.
        app.UseSerilogRequestLogging(o => o.GetLevel = (context, _, ex) =>
            ex is not null || context.Response.StatusCode >= 500 ? LogEventLevel.Error
            : context.Request.Path.StartsWithSegments("/health") ? LogEventLevel.Debug
            : LogEventLevel.Information);
        app.UseStaticFiles();
        app.UseRouting();
        app.UseAuthentication();
        app.UseRateLimiter();
        // Before authorization, so a page's own rule (404 for the admin area, 403 for settings) cannot answer first.
        app.UseMiddleware<Features.Account.TwoFactor.MfaEnrolmentGate>();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapCspReports();
        app.MapKithHealth();
        Features.Account.AppPasswords.DavEndpoints.MapKithDav(app);
        app.MapRazorPages();
        return app;
    }
}

/// <summary>Runs before the server accepts requests: configuration check, migrations, then the defaults backfill.</summary>
internal sealed class StartupTasks(IServiceProvider services, IHostEnvironment environment, Microsoft.Extensions.Options.IOptions<KithOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var problems = ConfigurationCheck.Problems(options.Value, environment.IsProduction());
        if (problems.Count > 0)
            throw new InvalidOperationException("Kith cannot start with this configuration:\n - " + string.Join("\n - ", problems));
        _ = services.GetRequiredService<MasterKey>().Bytes.Length;
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseStartup>().MigrateAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<DefaultsBackfill>().RunAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
