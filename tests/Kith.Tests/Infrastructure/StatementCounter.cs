using System.Collections.Concurrent;
using System.Data.Common;
using Kith.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Infrastructure;

/// <summary>
/// Counts the SQL statements each request runs, keyed by the <see cref="Header"/> a test sends. Statements run while the
/// cookie is being authenticated (the session lookup, the periodic security-stamp check) are counted apart: they are the
/// same for every page, and the budget is about what serving the page costs.
/// </summary>
public sealed class StatementCounter(IHttpContextAccessor http) : DbCommandInterceptor
{
    public const string Header = "X-Kith-Statement-Key";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<string>> served = new();
    private readonly ConcurrentDictionary<string, int> authentication = new();

    public IReadOnlyList<string> Served(string key) => served.TryGetValue(key, out var list) ? list.ToList() : [];

    public int Authentication(string key) => authentication.GetValueOrDefault(key);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Count(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Count(command);
        return ValueTask.FromResult(result);
    }

    private void Count(DbCommand command)
    {
        var context = http.HttpContext;
        if (context is null || !context.Request.Headers.TryGetValue(Header, out var values) || values.Count != 1) return;
        var key = values[0]!;
        // The authentication middleware sets User only after the cookie (and its session row) has been checked.
        if (context.User.Identity?.IsAuthenticated == true) served.GetOrAdd(key, _ => new()).Enqueue(command.CommandText);
        else authentication.AddOrUpdate(key, 1, (_, n) => n + 1);
    }
}

/// <summary>A Kith host whose database contexts report every statement to a <see cref="StatementCounter"/>.</summary>
public sealed class StatementCountingFactory : KithFactory
{
    public StatementCounter Counter => Services.GetRequiredService<StatementCounter>();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.AddSingleton<StatementCounter>();
        services.ConfigureDbContext<SqliteAppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<StatementCounter>()));
        services.ConfigureDbContext<PostgresAppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<StatementCounter>()));
    }

    /// <summary>GETs <paramref name="path"/> and returns the statements serving it ran, after checking it answered 200.</summary>
    public async Task<IReadOnlyList<string>> StatementsAsync(KithClient client, string path)
    {
        var key = Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add(StatementCounter.Header, key);
        using var response = await client.Http.SendAsync(request, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.StatusCode == System.Net.HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {body[..Math.Min(body.Length, 2000)]}");
        return Counter.Served(key);
    }
}
