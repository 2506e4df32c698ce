using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Kith.BrowserTests.Infrastructure;

/// <summary>
/// Kith on a real Kestrel socket, with its own SQLite database and mail folder in a fresh temp
/// directory. Mail goes to {DataDirectory}/mail as .eml files because no SMTP server is configured.
/// Over HTTPS (a deployed instance: strict <c>__Host-</c> cookies everywhere) by default;
/// <see cref="LocalHttpKithServer"/> serves plain http://localhost as the README's first command does.
/// </summary>
public class KithServer : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string dataDirectory = Directory.CreateTempSubdirectory("kith-browser-").FullName;
    private readonly X509Certificate2 certificate = SelfSignedLoopbackCertificate();

    public KithServer()
        : this(https: true)
    {
    }

    protected KithServer(bool https)
    {
        // Emailed links are built from Kith:BaseUrl, which must be known before the host is built and must
        // equal the address the browser uses, so the port is chosen here instead of letting Kestrel pick one.
        var port = FreeLoopbackPort();
        BaseAddress = new Uri(https ? $"https://127.0.0.1:{port}" : $"http://localhost:{port}");
        UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port, listen =>
        {
            if (https) listen.UseHttps(certificate);
        }));
    }

    public Uri BaseAddress { get; }

    public string MailDirectory => Path.Combine(dataDirectory, "mail");

    public ServerLog Log { get; } = new();

    public long CspViolationCount => Services.GetRequiredService<CspViolations>().Count;

    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    public ValueTask InitializeAsync()
    {
        StartServer();
        var bound = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (!bound.Any(address => new Uri(address).Port == BaseAddress.Port))
            throw new InvalidOperationException($"Kith listens on {string.Join(", ", bound)}, not on {BaseAddress}.");
        return ValueTask.CompletedTask;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // Not Development: the browser must see the same headers, CSP and static files as production.
        builder.UseEnvironment("Testing");
        builder.UseSetting("Kith:DataDirectory", dataDirectory);
        builder.UseSetting("Kith:Database:Provider", "Sqlite");
        builder.UseSetting("Kith:BaseUrl", BaseAddress.GetLeftPart(UriPartial.Authority));
        builder.UseSetting("Kith:Mail:PollInterval", "00:00:00.200");
        builder.ConfigureTestServices(services => services.AddSingleton<ILoggerProvider>(Log));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        certificate.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; failing the run over it is not.
        }
    }

    private static X509Certificate2 SelfSignedLoopbackCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        return request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
    }

    private static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }
}

/// <summary>Plain HTTP on localhost, like <c>dotnet run --project src/Kith</c>.</summary>
public sealed class LocalHttpKithServer : KithServer
{
    public LocalHttpKithServer()
        : base(https: false)
    {
    }
}
