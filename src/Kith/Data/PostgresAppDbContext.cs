using Kith.Features.Contacts;
using Microsoft.EntityFrameworkCore;

namespace Kith.Data;

public sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options) : AppDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Keys compared by range (keyset pages, prefix search) need byte order, as SQLite's BINARY gives:
        // a linguistic collation would neither use the index for a prefix nor order like the cursor expects.
        builder.Entity<Contact>().Property(c => c.SortByFirst).UseCollation("C");
        builder.Entity<Contact>().Property(c => c.SortByLast).UseCollation("C");
        builder.Entity<ContactSearchTerm>().Property(t => t.Term).UseCollation("C");
    }
}
