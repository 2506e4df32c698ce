using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.BrowserTests.Infrastructure;

/// <summary>
/// Kith with every security header except Content-Security-Policy: a test-only host override (there is no production
/// setting that turns CSP off), so a test can prove output encoding stops a payload on its own, not the CSP behind it.
/// </summary>
public sealed class CspOffKithServer : KithServer
{
    public const string CspHeader = "Content-Security-Policy";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSecurityHeaderPolicies(p =>
        {
            var withoutCsp = SecurityHeadersSetup.Policies();
            withoutCsp.Remove(CspHeader);
            p.SetDefaultPolicy(withoutCsp);
        }));
    }
}
