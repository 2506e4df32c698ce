using Kith.Features.Vaults;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Authorization;

public sealed class AuthorizationMatrixTests(MatrixWorld world) : IClassFixture<MatrixWorld>
{
    [Fact]
    public void Every_endpoint_the_app_registers_is_in_the_matrix_and_nothing_else()
    {
        var registered = EndpointInventory.Of(world.Services).Select(MatrixRunner.Normalize).ToHashSet();
        var listed = MatrixRunner.Matrix.Select(r => MatrixRunner.Normalize(r.Key)).ToHashSet();

        Assert.True(registered.Except(listed).ToList() is [], "Endpoints missing from authorization-matrix.txt:\n" + string.Join("\n", registered.Except(listed)));
        Assert.True(listed.Except(registered).ToList() is [], "Matrix rows for endpoints the app no longer has:\n" + string.Join("\n", listed.Except(registered)));
    }

    [Fact]
    public async Task Every_principal_gets_what_the_matrix_says_without_leaks_or_writes_on_denial()
    {
        var (checks, failures) = await new MatrixRunner(world).RunAsync();
        TestContext.Current.SendDiagnosticMessage($"Authorization matrix: {MatrixRunner.Matrix.Count} endpoints, {checks} checks.");
        Assert.True(failures.Count == 0, $"{failures.Count} of {checks} matrix checks failed:\n" + string.Join("\n", failures));
    }
}

/// <summary>
/// The same world, deliberately broken twice: the choke point lets everyone in, and a test-only endpoint
/// reads any vault's name without asking it (a textbook IDOR).
/// </summary>
public sealed class BrokenChokePointWorld : MatrixWorld
{
    public const string LeakyPath = "/__test/vault-name/{vaultId}";

    protected override void ConfigureServices(IServiceCollection services)
    {
        base.ConfigureServices(services);
        var real = services.Single(d => d.ImplementationType == typeof(VaultAccessHandler));
        services.Remove(real);
        services.AddScoped<IAuthorizationHandler, AllowEveryone>();
        services.AddSingleton<IStartupFilter, LeakyEndpoint>();
    }

    private sealed class LeakyEndpoint : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (HttpContext context, RequestDelegate rest) =>
            {
                if (!context.Request.Path.StartsWithSegments("/__test/vault-name", out var id) || !Guid.TryParse(id.Value?.Trim('/'), out var vaultId))
                {
                    await rest(context);
                    return;
                }
                var db = context.RequestServices.GetRequiredService<Kith.Data.AppDbContext>();
                await context.Response.WriteAsync(db.Vaults.Where(v => v.Id == vaultId).Select(v => v.Name).SingleOrDefault() ?? "none");
            });
            next(app);
        };
    }

    private sealed class AllowEveryone : AuthorizationHandler<VaultAccessRequirement>
    {
        protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, VaultAccessRequirement requirement)
        {
            context.Succeed(requirement);
            return Task.CompletedTask;
        }
    }
}

public sealed class AuthorizationMatrixControlTests(BrokenChokePointWorld world) : IClassFixture<BrokenChokePointWorld>
{
    [Fact]
    public async Task The_matrix_catches_a_choke_point_that_lets_everyone_in()
    {
        var leaky = new MatrixRow(new EndpointKey("GET", BrokenChokePointWorld.LeakyPath, ""), BrokenChokePointWorld.LeakyPath, "",
            Enum.GetValues<Principal>().ToDictionary(p => p, p => p switch
            {
                Principal.Anonymous => "login",
                Principal.Viewer or Principal.Editor or Principal.Manager => "ok",
                _ => "404",
            }));

        var (_, failures) = await new MatrixRunner(world, [leaky]).RunAsync();

        Assert.Contains(failures, f => f.Contains("LEAK of vault A's canary", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("LEAK of account B's canary", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.Contains("[Viewer, own]: expected 403", StringComparison.Ordinal));
    }
}
