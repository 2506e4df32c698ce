namespace Kith.Infrastructure.Web;

public static class SecurityHeadersSetup
{
    public const string CspReportPath = "/csp-report";

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
