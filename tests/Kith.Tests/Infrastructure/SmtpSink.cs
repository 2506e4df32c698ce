using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Kith.Tests.Infrastructure;

/// <summary>
/// A real SMTP server (Debian's aiosmtpd, scripts/services/smtp-sink.py) on 127.0.0.1, started and
/// stopped by the test, writing each accepted message to <see cref="Directory"/>.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private Process? process;

    public SmtpSink(int port)
    {
        Port = port;
        Directory = System.IO.Directory.CreateTempSubdirectory("kith-smtp-").FullName;
    }

    public int Port { get; }
    public string Directory { get; }
    public Mailbox Mailbox => new(Directory);

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task StartAsync()
    {
        var script = Environment.GetEnvironmentVariable("KITH_TEST_SMTP_SINK")
            ?? Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../../scripts/services/smtp-sink.py"));
        var start = new ProcessStartInfo("/usr/bin/python3", [script, "--port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--dir", Directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
#pragma warning disable RS0030 // Tests start the real SMTP server they need; the app itself never starts processes.
        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the SMTP sink.");
#pragma warning restore RS0030
        var ready = await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken);
        if (ready is null || !ready.StartsWith("READY", StringComparison.Ordinal))
            throw new InvalidOperationException("SMTP sink did not start: " + await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken));
    }

    public async Task StopAsync()
    {
        if (process is null || process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        process?.Dispose();
        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
