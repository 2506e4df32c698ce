using System.Security.Claims;
using System.Xml.Linq;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Diagnostics;

namespace Kith.Features.Account.AppPasswords;

/// <summary>
/// The DAV entry points: discovery (RFC 6764) and the principal (RFC 5397), enough for a client to find out who it is
/// and where its collections live. The address books and calendars themselves come with CardDAV/CalDAV.
/// </summary>
public static class DavEndpoints
{
    public const string Policy = "Dav";
    private static readonly XNamespace Dav = "DAV:";
    private static readonly XNamespace CardDav = "urn:ietf:params:xml:ns:carddav";
    private static readonly XNamespace CalDav = "urn:ietf:params:xml:ns:caldav";
    private static readonly string[] Propfind = ["PROPFIND"];

    public static void MapKithDav(this IEndpointRouteBuilder app)
    {
        // Discovery carries no data, so it answers everyone; the target asks for credentials.
        app.Map("/.well-known/carddav", (HttpContext context) => Redirect(context)).AllowAnonymous();
        app.Map("/.well-known/caldav", (HttpContext context) => Redirect(context)).AllowAnonymous();

        var dav = app.MapGroup(DavPaths.Root).RequireAuthorization(Policy).DisableAntiforgery();
        dav.MapMethods("/", Propfind, (HttpContext context) => Principal(context));
        dav.MapMethods("/principals/", Propfind, (HttpContext context) => Principal(context));
        dav.MapMethods("/principals/{userId:guid}/", Propfind, (HttpContext context, Guid userId) => Own(context, userId) ? Principal(context) : NotFound(context));
        dav.MapMethods("/addressbooks/{userId:guid}/", Propfind, (HttpContext context, Guid userId) => Own(context, userId) ? Home(context, "Address books") : NotFound(context));
        dav.MapMethods("/calendars/{userId:guid}/", Propfind, (HttpContext context, Guid userId) => Own(context, userId) ? Home(context, "Calendars") : NotFound(context));
        // Anything else under /dav is checked like the rest (credentials and scope first), then not found.
        dav.Map("/{**rest}", NotFound);
    }

    public static void AddDavPolicy(AuthorizationOptions options) =>
        options.AddPolicy(Policy, p => p.AddAuthenticationSchemes(DavAuthenticationHandler.SchemeName).RequireAuthenticatedUser()
            .RequireClaim(DavAuthenticationHandler.ScopeClaim));

    private static IResult Redirect(HttpContext context)
    {
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        context.Response.Headers.Location = DavPaths.Root + "/";
        return Results.StatusCode(StatusCodes.Status301MovedPermanently);
    }

    private static bool Own(HttpContext context, Guid userId) => UserId(context) == userId.ToString();

    private static string UserId(HttpContext context) => context.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";

    private static IResult NotFound(HttpContext context)
    {
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        return Results.NotFound();
    }

    private static IResult Principal(HttpContext context)
    {
        var id = UserId(context);
        return MultiStatus(context,
            new XElement(Dav + "resourcetype", new XElement(Dav + "collection"), new XElement(Dav + "principal")),
            Href("current-user-principal", $"/dav/principals/{id}/"),
            Href("principal-URL", $"/dav/principals/{id}/"),
            new XElement(CardDav + "addressbook-home-set", new XElement(Dav + "href", $"/dav/addressbooks/{id}/")),
            new XElement(CalDav + "calendar-home-set", new XElement(Dav + "href", $"/dav/calendars/{id}/")));
    }

    private static IResult Home(HttpContext context, string name) => MultiStatus(context,
        new XElement(Dav + "resourcetype", new XElement(Dav + "collection")),
        new XElement(Dav + "displayname", name),
        Href("current-user-principal", $"/dav/principals/{UserId(context)}/"));

    private static XElement Href(string property, string href) => new(Dav + property, new XElement(Dav + "href", href));

    /// <summary>One response for the requested resource itself (its members come with CardDAV/CalDAV).</summary>
    private static IResult MultiStatus(HttpContext context, params XElement[] properties)
    {
        context.Features.Get<IStatusCodePagesFeature>()?.Enabled = false;
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null),
            new XElement(Dav + "multistatus",
                new XAttribute(XNamespace.Xmlns + "d", Dav.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "card", CardDav.NamespaceName),
                new XAttribute(XNamespace.Xmlns + "cal", CalDav.NamespaceName),
                new XElement(Dav + "response",
                    new XElement(Dav + "href", context.Request.Path.Value),
                    new XElement(Dav + "propstat",
                        new XElement(Dav + "prop", properties),
                        new XElement(Dav + "status", "HTTP/1.1 200 OK")))));
        return Results.Text(document.Declaration + "\n" + document.ToString(SaveOptions.DisableFormatting), "application/xml; charset=utf-8", statusCode: StatusCodes.Status207MultiStatus);
    }
}
