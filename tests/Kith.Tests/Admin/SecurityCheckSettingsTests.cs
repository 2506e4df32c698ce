using Kith.Tests.Infrastructure;

namespace Kith.Tests.Admin;

public sealed class MasterKeyOutsideDataTests(KeyOutsideDataFactory factory) : IClassFixture<KeyOutsideDataFactory>
{
    [Fact]
    public async Task A_master_key_file_outside_the_data_directory_and_owner_only_passes_both_key_checks()
    {
        using var admin = await factory.AdminClientAsync();

        var checks = await SecurityCheckPage.ReadAsync(admin);

        Assert.Equal("pass", checks["master-key-location"].Status);
        Assert.Contains(factory.KeyFile, checks["master-key-location"].Text, StringComparison.Ordinal);
        Assert.Equal("pass", checks["master-key-permissions"].Status);
        Assert.Contains("mode 0600", checks["master-key-permissions"].Text, StringComparison.Ordinal);
    }
}

public sealed class PlainHttpBaseUrlTests(PlainHttpBaseUrlFactory factory) : IClassFixture<PlainHttpBaseUrlFactory>
{
    [Fact]
    public async Task A_plain_http_base_url_turns_its_check_red()
    {
        using var admin = await factory.AdminClientAsync();

        var check = await SecurityCheckPage.ReadAsync(admin, "https-base-url");

        Assert.Equal("fail", check.Status);
        Assert.Contains("http://kith.test, which is not HTTPS", check.Text, StringComparison.Ordinal);
    }
}

public sealed class DevelopmentEnvironmentTests(DevelopmentFactory factory) : IClassFixture<DevelopmentFactory>
{
    [Fact]
    public async Task The_development_environment_turns_debug_off_red()
    {
        using var admin = await factory.AdminClientAsync();

        var check = await SecurityCheckPage.ReadAsync(admin, "debug-off");

        Assert.Equal("fail", check.Status);
        Assert.Contains("ASPNETCORE_ENVIRONMENT=Production", check.Text, StringComparison.Ordinal);
    }
}

public sealed class UnlistedProxyTests(UnlistedProxyFactory factory) : IClassFixture<UnlistedProxyFactory>
{
    [Fact]
    public async Task Forwarded_headers_from_a_proxy_that_is_not_listed_turn_the_proxy_check_red()
    {
        using var admin = await factory.AdminClientAsync();

        var checks = await SecurityCheckPage.ReadAsync(admin, [new("X-Forwarded-For", "203.0.113.9"), new("X-Forwarded-Proto", "https")]);

        Assert.Equal("fail", checks["forwarded-headers"].Status);
        Assert.Contains($"Kith__TrustedProxies={ProxiedAdminFactory.ProxyAddress}", checks["forwarded-headers"].Text, StringComparison.Ordinal);
        Assert.Equal("pass", (await SecurityCheckPage.ReadAsync(admin, "forwarded-headers")).Status);
    }
}

public sealed class ListedProxyTests(ListedProxyFactory factory) : IClassFixture<ListedProxyFactory>
{
    [Fact]
    public async Task Headers_from_the_listed_proxy_are_applied_and_pass()
    {
        using var admin = await factory.AdminClientAsync();

        var checks = await SecurityCheckPage.ReadAsync(admin, [new("X-Forwarded-For", "203.0.113.9"), new("X-Forwarded-Proto", "https")]);

        Assert.Equal("pass", checks["forwarded-headers"].Status);
        Assert.Contains("client as 203.0.113.9", checks["forwarded-headers"].Text, StringComparison.Ordinal);
        Assert.Equal("pass", checks["hsts"].Status);
    }

    [Fact]
    public async Task The_listed_proxy_sending_no_forwarded_headers_turns_the_proxy_check_red()
    {
        using var admin = await factory.AdminClientAsync();

        var check = await SecurityCheckPage.ReadAsync(admin, "forwarded-headers");

        Assert.Equal("fail", check.Status);
        Assert.Contains("without X-Forwarded-For", check.Text, StringComparison.Ordinal);
    }
}

public sealed class LocalPlainHttpTests(LocalPlainHttpFactory factory) : IClassFixture<LocalPlainHttpFactory>
{
    [Fact]
    public async Task Plain_http_on_localhost_turns_hsts_and_the_base_url_red_and_https_turns_hsts_green()
    {
        using var plain = await factory.PlainHttpAdminClientAsync();

        var checks = await SecurityCheckPage.ReadAsync(plain);

        Assert.Equal("fail", checks["hsts"].Status);
        Assert.Contains("arrived over plain HTTP", checks["hsts"].Text, StringComparison.Ordinal);
        Assert.Equal("fail", checks["https-base-url"].Status);
        using var secure = await factory.AdminClientAsync();
        Assert.Equal("pass", (await SecurityCheckPage.ReadAsync(secure, "hsts")).Status);
    }
}
