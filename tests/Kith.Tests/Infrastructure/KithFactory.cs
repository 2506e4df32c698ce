using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kith.Tests.Infrastructure;

/// <summary>
/// A real Kith host over a real database file (or a fresh PostgreSQL database), with its own data directory.
/// Subclasses change settings for one test class (e.g. a low rate limit, a fake clock, a real SMTP server).
/// </summary>
public class KithFactory : WebApplicationFactory<Program>
{
    public const string BaseUrl = "https://kith.test";

    public string DataDirectory { get; } = Directory.CreateTempSubdirectory("kith-test-").FullName;

    public string MailDirectory => Path.Combine(DataDirectory, "mail");

    protected virtual void Configure(Dictionary<string, string?> settings)
    {
    }

    protected virtual void ConfigureServices(IServiceCollection services)
    {
    }

    protected virtual string EnvironmentName => "Testing";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Kith:DataDirectory"] = DataDirectory,
            ["Kith:BaseUrl"] = BaseUrl,
            ["Kith:Registration"] = "Open",
            ["Kith:Database:Provider"] = TestDatabase.IsPostgres ? "PostgreSql" : "Sqlite",
            ["Kith:Database:ConnectionString"] = TestDatabase.NewConnectionString(),
            ["Kith:Limits:AuthRequestsPerMinute"] = "100000",
            ["Kith:Limits:PostsPerMinute"] = "100000",
            ["Kith:Mail:PollInterval"] = "00:00:00.100",
        };
        Configure(settings);
        foreach (var (key, value) in settings) builder.UseSetting(key, value);
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<ILoggerProvider, CapturingLoggerProvider>();
            ConfigureServices(services);
        });
    }

    public KithClient CreateWebClient(string host = "localhost") =>
        new(CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri($"https://{host}"),
            AllowAutoRedirect = false,
            HandleCookies = true,
        }));

    public Mailbox Mailbox => new(MailDirectory);

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    public async Task<TResult> InScopeAsync<T, TResult>(Func<T, Task<TResult>> work) where T : notnull
    {
        await using var scope = Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<T>());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still open by a closing connection: the temp folder is cleaned by the OS.
        }
    }
}
