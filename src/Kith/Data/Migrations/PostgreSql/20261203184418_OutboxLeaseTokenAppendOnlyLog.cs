using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Migrations.PostgreSql
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
                type: "uuid",
                nullable: true);

            // The security log is append-only in the database itself, not only in the application.
            migrationBuilder.Sql("""
                CREATE FUNCTION kith_refuse_security_event_change() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN RAISE EXCEPTION 'SecurityEvents is append-only'; END $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SecurityEvents_AppendOnly" BEFORE UPDATE OR DELETE ON "SecurityEvents"
                FOR EACH ROW EXECUTE FUNCTION kith_refuse_security_event_change();
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "SecurityEvents_NoTruncate" BEFORE TRUNCATE ON "SecurityEvents"
                FOR EACH STATEMENT EXECUTE FUNCTION kith_refuse_security_event_change();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER "SecurityEvents_NoTruncate" ON "SecurityEvents";""");
            migrationBuilder.Sql("""DROP TRIGGER "SecurityEvents_AppendOnly" ON "SecurityEvents";""");
            migrationBuilder.Sql("""DROP FUNCTION kith_refuse_security_event_change();""");

            migrationBuilder.DropColumn(
                name: "LeaseToken",
                table: "OutboxMessages");
        }
    }
}
