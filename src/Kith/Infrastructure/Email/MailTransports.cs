using System.Net;
using Kith.Infrastructure.Configuration;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Kith.Infrastructure.Email;

public interface IMailTransport
{
    Task SendAsync(MimeMessage message, CancellationToken ct);
}

/// <summary>
/// SMTP through MailKit. TLS (implicit or STARTTLS) is required unless the server is on loopback,
/// and MailKit validates the server certificate against the system trust store.
/// </summary>
public sealed class SmtpMailTransport(IOptionsMonitor<KithOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var smtp = options.CurrentValue.Smtp;
        using var client = new SmtpClient { Timeout = 30_000 };
        await client.ConnectAsync(smtp.Host!, smtp.Port, SocketOptions(smtp), ct);
        if (!string.IsNullOrEmpty(smtp.Username))
            await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", ct);
        await client.SendAsync(message, ct);
        await client.DisconnectAsync(quit: true, ct);
    }

    public static SecureSocketOptions SocketOptions(SmtpOptions smtp)
    {
        var loopback = IsLoopback(smtp.Host);
        return smtp.Security switch
        {
            SmtpSecurity.Tls => SecureSocketOptions.SslOnConnect,
            SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
            SmtpSecurity.Auto when loopback => SecureSocketOptions.StartTlsWhenAvailable,
            SmtpSecurity.Auto => SecureSocketOptions.StartTls,
            SmtpSecurity.None when loopback => SecureSocketOptions.None,
            _ => throw new InvalidOperationException(
                $"Refusing to send mail without TLS to '{smtp.Host}': Kith__Smtp__Security=None is allowed only for a loopback server."),
        };
    }

    public static bool IsLoopback(string? host) =>
        host is not null && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip)));
}

/// <summary>Without SMTP settings, mail is written to {DataDirectory}/mail as .eml files, one per message id.</summary>
public sealed class PickupDirectoryMailTransport(IOptionsMonitor<KithOptions> options) : IMailTransport
{
    public async Task SendAsync(MimeMessage message, CancellationToken ct)
    {
        var folder = options.CurrentValue.DataPath("mail");
        Directory.CreateDirectory(folder);
        var name = string.Concat((message.MessageId ?? Guid.NewGuid().ToString("N")).Split(Path.GetInvalidFileNameChars()));
        var final = Path.Combine(folder, name + ".eml");
        var temp = final + ".tmp";
        await message.WriteToAsync(temp, ct);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.Move(temp, final, overwrite: true);
    }
}

public sealed class ConfiguredMailTransport(IOptionsMonitor<KithOptions> options, SmtpMailTransport smtp, PickupDirectoryMailTransport pickup) : IMailTransport
{
    public Task SendAsync(MimeMessage message, CancellationToken ct) =>
        options.CurrentValue.Smtp.IsConfigured ? smtp.SendAsync(message, ct) : pickup.SendAsync(message, ct);
}
