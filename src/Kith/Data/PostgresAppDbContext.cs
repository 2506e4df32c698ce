using Microsoft.EntityFrameworkCore;

namespace Kith.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options);
