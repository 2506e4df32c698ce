using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Razor.Hosting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Authorization;

/// <summary>One thing a client can call: a method, a route template and (for Razor Pages) a handler name.</summary>
public sealed record EndpointKey(string Method, string Route, string Handler)
{
    public override string ToString() => Handler.Length == 0 ? $"{Method} {Route}" : $"{Method} {Route} ?handler={Handler}";
}

/// <summary>
/// Everything the running app answers: minimal-API endpoints with their methods, and every handler method
/// of every Razor page (found on the page's model type), so a new page or handler cannot go unlisted.
/// </summary>
public static partial class EndpointInventory
{
    public static IReadOnlySet<EndpointKey> Of(IServiceProvider services)
    {
        var pageModels = PageModelsByPath();
        var keys = new HashSet<EndpointKey>();
        foreach (var endpoint in services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var route = "/" + endpoint.RoutePattern.RawText?.TrimStart('/');
            var page = endpoint.Metadata.GetMetadata<PageActionDescriptor>();
            if (page is null)
            {
                var methods = endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["*"];
                foreach (var method in methods) keys.Add(new EndpointKey(method, route, ""));
                continue;
            }
            if (!pageModels.TryGetValue(page.RelativePath, out var model))
                throw new InvalidOperationException($"No page model found for {page.RelativePath}.");
            foreach (var (method, handler) in Handlers(model)) keys.Add(new EndpointKey(method, route, handler));
        }
        return keys;
    }

    private static Dictionary<string, Type> PageModelsByPath() =>
        typeof(Program).Assembly.GetTypes()
            .Where(t => typeof(Page).IsAssignableFrom(t) && !t.IsAbstract)
            .Select(t => (Path: t.GetCustomAttributes<RazorCompiledItemMetadataAttribute>().SingleOrDefault(a => a.Key == "Identifier")?.Value,
                Model: t.GetProperty("Model")?.PropertyType))
            .Where(p => p.Path is not null && p.Model is not null)
            .ToDictionary(p => p.Path!, p => p.Model!, StringComparer.OrdinalIgnoreCase);

    private static IEnumerable<(string Method, string Handler)> Handlers(Type model) =>
        model.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly)
            .Select(m => HandlerName().Match(m.Name))
            .Where(m => m.Success)
            .Select(m => (m.Groups[1].Value.ToUpperInvariant(), m.Groups[2].Value))
            .Distinct();

    [GeneratedRegex("^On(Get|Post)(\\w*?)(?:Async)?$")]
    private static partial Regex HandlerName();
}
