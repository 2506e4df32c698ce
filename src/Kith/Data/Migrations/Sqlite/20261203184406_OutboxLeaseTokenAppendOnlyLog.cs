using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OutboxLeaseTokenAppendOnlyLog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "LeaseToken",
                table: "OutboxMessages",
                type: "TEXT",
                nullable: true);

            // The security log is append-only in the database itself, not only in the application.
            migrationBuilder.Sql("""
                CREATE TRIGGER "SecurityEvents_NoUpdate" BEFORE UPDATE ON "SecurityEvents"
                BEGIN SELECT RAISE(ABORT, 'SecurityEvents is append-only'); END;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SecurityEvents_NoDelete" BEFORE DELETE ON "SecurityEvents"
                BEGIN SELECT RAISE(ABORT, 'SecurityEvents is append-only'); END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SecurityEvents_NoUpdate";""");
            migrationBuilder.Sql("""DROP TRIGGER "SecurityEvents_NoDelete";""");

            migrationBuilder.DropColumn(
                name: "LeaseToken",
                table: "OutboxMessages");
        }
    }
}
