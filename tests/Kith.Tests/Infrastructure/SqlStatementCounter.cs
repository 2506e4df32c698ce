using System.Data.Common;
using Kith.Data;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;

namespace Kith.Tests.Infrastructure;

/// <summary>
/// Counts the SQL statements EF sends while serving requests whose path starts with <see cref="PathPrefix"/>
/// (background services and the test's own queries are left out).
/// </summary>
public sealed class SqlStatementCounter : DbCommandInterceptor
{
    private readonly HttpContextAccessor http = new();
    private int count;

    public string PathPrefix { get; set; } = "/";
    public int Count => Volatile.Read(ref count);

    public void Reset(string pathPrefix)
    {
        PathPrefix = pathPrefix;
        Interlocked.Exchange(ref count, 0);
    }

    private void Counted()
    {
        if (http.HttpContext?.Request.Path.Value?.StartsWith(PathPrefix, StringComparison.OrdinalIgnoreCase) == true)
            Interlocked.Increment(ref count);
    }

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Counted();
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Counted();
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Counted();
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Counted();
        return ValueTask.FromResult(result);
    }
}

/// <summary>A <see cref="KithFactory"/> whose database contexts report to a <see cref="SqlStatementCounter"/>.</summary>
public sealed class CountingKithFactory : KithFactory
{
    public SqlStatementCounter Counter { get; } = new();

    protected override void ConfigureServices(IServiceCollection services)
    {
        services.ConfigureDbContext<SqliteAppDbContext>(o => o.AddInterceptors(Counter));
        services.ConfigureDbContext<PostgresAppDbContext>(o => o.AddInterceptors(Counter));
    }
}
