using Kith.Infrastructure.Configuration;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Kith.Data;

public static class DataSetup
{
    public static IServiceCollection AddKithData(this IServiceCollection services, KithOptions options)
    {
        if (options.Database.Provider == DatabaseProvider.PostgreSql)
        {
            var connectionString = options.Database.ConnectionString ?? "";
            services.AddDbContext<AppDbContext, PostgresAppDbContext>((sp, db) => db.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()).UseNpgsql(connectionString, npgsql =>
                npgsql.MigrationsAssembly(typeof(AppDbContext).Assembly.FullName).CommandTimeout(30)));
        }
        else
        {
            var connectionString = SqliteConnectionString(options);
            services.AddDbContext<AppDbContext, SqliteAppDbContext>((sp, db) => db.AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()).UseSqlite(connectionString, sqlite =>
                sqlite.CommandTimeout(30)));
        }
        services.AddScoped<DatabaseStartup>();
        return services;
    }

    public static string SqliteConnectionString(KithOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.Database.ConnectionString)) return options.Database.ConnectionString;
        return new SqliteConnectionStringBuilder
        {
            DataSource = options.DataPath("kith.db"),
            // Microsoft.Data.Sqlite turns this into SQLite's busy timeout: writers wait instead of failing.
            DefaultTimeout = 30,
            Pooling = true,
        }.ToString();
    }
}
