using System.Net;
using Kith.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kith.Tests.Account;

public sealed class FakeClockFactory : KithFactory
{
    public FakeTimeProvider Clock { get; } = new(TimeProvider.System.GetUtcNow());

    protected override void Configure(Dictionary<string, string?> settings)
    {
        settings["Kith:Sessions:IdleTimeout"] = "01:00:00";
        settings["Kith:Sessions:AbsoluteTimeout"] = "02:00:00";
    }

    protected override void ConfigureServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(Clock);
}

public sealed class SessionTimeoutTests(FakeClockFactory factory) : IClassFixture<FakeClockFactory>
{
    [Fact]
    public async Task A_session_left_idle_past_the_idle_timeout_is_refused()
    {
        using var client = await TestUsers.SignedInClientAsync(factory, await TestUsers.CreateAsync(factory));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/manage/password")).StatusCode);

        factory.Clock.Advance(TimeSpan.FromMinutes(61));

        using var response = await client.GetAsync("/account/manage/password");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/login", response.Headers.Location?.PathAndQuery, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_active_session_still_ends_at_the_absolute_timeout()
    {
        using var client = await TestUsers.SignedInClientAsync(factory, await TestUsers.CreateAsync(factory));
        for (var i = 0; i < 2; i++)
        {
            factory.Clock.Advance(TimeSpan.FromMinutes(50));
            using var active = await client.GetAsync("/account/manage/password");
            Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        }

        factory.Clock.Advance(TimeSpan.FromMinutes(25));

        using var response = await client.GetAsync("/account/manage/password");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
