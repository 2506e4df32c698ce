using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kith.Features.Account.AppPasswords;
using Kith.Features.Account.SecurityLog;
using Kith.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Kith.Tests.Account.AppPasswords;

public sealed class DavFailureLimitTests(AppPasswordFactory factory) : IClassFixture<AppPasswordFactory>
{
    [Fact]
    public async Task After_too_many_refusals_a_network_gets_429_without_more_log_rows_until_the_window_ends()
    {
        var user = await TestUsers.CreateAsync(factory);
        var id = await factory.IdOfAsync(user);
        for (var attempt = 0; attempt < DavFailureLimiter.MaxFailures; attempt++)
        {
            using var refused = await PropfindAsync(user.Email, user.Password);
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }
        var logged = await RefusalsAsync(id);
        Assert.Equal(DavFailureLimiter.MaxFailures, logged);

        using (var blocked = await PropfindAsync(user.Email, user.Password))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, blocked.StatusCode);
            Assert.True(blocked.Headers.RetryAfter is not null);
        }
        Assert.Equal(logged, await RefusalsAsync(id));

        factory.Clock.Advance(DavFailureLimiter.Window);
        using var again = await PropfindAsync(user.Email, user.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
    }

    private Task<int> RefusalsAsync(Guid id) =>
        factory.QueryAsync(db => db.SecurityEvents.CountAsync(e => e.UserId == id && e.Type == SecurityEventTypes.AppPasswordRefused));

    private async Task<HttpResponseMessage> PropfindAsync(string email, string password)
    {
        using var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://localhost"),
            AllowAutoRedirect = false,
            HandleCookies = false,
        });
        using var request = new HttpRequestMessage(new HttpMethod("PROPFIND"), "/dav/principals/");
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{password}")));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
