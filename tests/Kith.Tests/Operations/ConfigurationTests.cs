using Kith.Infrastructure.Configuration;
using Kith.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Kith.Tests.Operations;

public sealed class UnsafeProductionFactory : KithFactory
{
    protected override string EnvironmentName => "Production";

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Kith:BaseUrl"] = "";
        settings["Kith:Smtp:Host"] = "mail.example.org";
        settings["Kith:Smtp:Security"] = "None";
    }
}

public sealed class ConfigurationTests
{
    [Fact]
    public void Production_refuses_to_start_with_an_unsafe_configuration_and_names_each_fix()
    {
        using var factory = new UnsafeProductionFactory();

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient());

        var message = error.ToString();
        Assert.Contains("Kith__BaseUrl is not set", message, StringComparison.Ordinal);
        Assert.Contains("Kith__Smtp__Security is None for the remote host", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_safe_production_configuration_has_no_problems()
    {
        var keyFile = Path.GetTempFileName();
        var options = new KithOptions
        {
            BaseUrl = "https://kith.example.org",
            DataDirectory = Directory.CreateTempSubdirectory().FullName,
            MasterKeyFile = keyFile,
            Smtp = { Host = "mail.example.org", Security = SmtpSecurity.StartTls, From = "Kith <kith@example.org>" },
        };
        Assert.Empty(ConfigurationCheck.Problems(options, isProduction: true));
        File.Delete(keyFile);
    }

    [Fact]
    public void Production_needs_a_master_key_file_outside_the_data_directory()
    {
        var data = Directory.CreateTempSubdirectory().FullName;
        var inside = Path.Combine(data, "master.key");
        File.WriteAllText(inside, "x");

        Assert.Contains(ConfigurationCheck.Problems(new KithOptions { BaseUrl = "https://k.example", DataDirectory = data }, true),
            p => p.Contains("Kith__MasterKeyFile is not set", StringComparison.Ordinal));
        Assert.Contains(ConfigurationCheck.Problems(new KithOptions { BaseUrl = "https://k.example", DataDirectory = data, MasterKeyFile = inside }, true),
            p => p.Contains("inside the data directory", StringComparison.Ordinal));
        Assert.DoesNotContain(ConfigurationCheck.Problems(new KithOptions { BaseUrl = "https://k.example", DataDirectory = data }, false),
            p => p.Contains("MasterKeyFile", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unparseable_sender_address_is_refused() =>
        Assert.Contains(ConfigurationCheck.Problems(new KithOptions { Smtp = { Host = "127.0.0.1", From = "not an address" } }, false),
            p => p.Contains("Kith__Smtp__From", StringComparison.Ordinal));

    [Theory]
    [InlineData("http://kith.example.org", "is not HTTPS")]
    [InlineData("http://localhost:5000", "is not HTTPS")]
    [InlineData("not a url", "is not an absolute URL")]
    public void Production_needs_an_https_base_url(string baseUrl, string problem)
    {
        var problems = ConfigurationCheck.Problems(new KithOptions { BaseUrl = baseUrl }, isProduction: true);
        Assert.Contains(problems, p => p.Contains(problem, StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_trusted_proxies_and_a_long_reset_lifetime_are_refused_in_every_environment()
    {
        var options = new KithOptions { TrustedProxies = "10.0.0.1, nonsense", Limits = { PasswordResetTokenLifetime = TimeSpan.FromHours(2) } };
        var problems = ConfigurationCheck.Problems(options, isProduction: false);
        Assert.Contains(problems, p => p.Contains("'nonsense'", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.Contains("PasswordResetTokenLifetime", StringComparison.Ordinal));
    }

    [Fact]
    public void A_secret_can_be_read_from_the_file_named_by_its_File_setting()
    {
        var file = Path.GetTempFileName();
        File.WriteAllText(file, "smtp-secret-from-file\n");
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kith:Smtp:PasswordFile"] = file });

        SecretFiles.Apply(configuration);

        Assert.Equal("smtp-secret-from-file", configuration["Kith:Smtp:Password"]);
        File.Delete(file);
    }

    [Fact]
    public void A_missing_secret_file_stops_start_up_with_its_setting_name()
    {
        var configuration = new ConfigurationManager();
        configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Kith:Database:ConnectionStringFile"] = "/nonexistent/secret" });
        var error = Assert.Throws<InvalidOperationException>(() => SecretFiles.Apply(configuration));
        Assert.Contains("Kith__Database__ConnectionStringFile", error.Message, StringComparison.Ordinal);
    }
}
