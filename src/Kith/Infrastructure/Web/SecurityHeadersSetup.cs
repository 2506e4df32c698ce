namespace Kith.Infrastructure.Web;

public static class SecurityHeadersSetup
{
    public const string CspReportPath = "/csp-report";

    /// <summary>For endpoints that serve stored user files (avatars): nothing in the response may load or run anything.</summary>
    public const string UserFilePolicy = "user-file";

    public static IServiceCollection AddKithSecurityHeaders(this IServiceCollection services) =>
        services.AddSecurityHeaderPolicies(p => p
            .SetDefaultPolicy(Policies())
            .AddPolicy(UserFilePolicy, UserFilePolicies()));

    /// <summary>The default headers with the strictest CSP: a file opened on its own cannot run script or load anything.</summary>
    public static HeaderPolicyCollection UserFilePolicies()
    {
        var policies = Policies();
        policies.AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().None();
            csp.AddSandbox();
        });
        return policies;
    }

    /// <summary>Headers for every response, static files and errors included.</summary>
    public static HeaderPolicyCollection Policies() => new HeaderPolicyCollection()
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(b => b.SameOrigin())
        .AddCrossOriginResourcePolicy(b => b.SameOrigin())
        .AddCrossOriginEmbedderPolicy(b => b.RequireCorp())
        .AddStrictTransportSecurityMaxAgeIncludeSubDomains(maxAgeInSeconds: 365 * 24 * 60 * 60)
        .RemoveServerHeader()
        // The secure defaults switch WebAuthn assertions off; passkey sign-in needs them in our own documents.
        .AddPermissionsPolicy(p =>
        {
            p.AddDefaultSecureDirectives();
            p.AddPublickeyCredentialsGet().Self();
        })
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            csp.AddStyleSrc().Self();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().None();
            csp.AddFrameAncestors().None();
            csp.AddFormAction().Self();
            csp.AddRequireTrustedTypesFor().Script();
            csp.AddReportUri().To(CspReportPath);
        });
}
