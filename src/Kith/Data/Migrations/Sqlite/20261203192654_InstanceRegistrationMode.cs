using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Kith.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class InstanceRegistrationMode : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Registration",
                table: "InstanceState",
                type: "TEXT",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddCheckConstraint(
                name: "CK_InstanceState_Registration",
                table: "InstanceState",
                sql: "\"Registration\" IS NULL OR \"Registration\" IN ('FirstAccountOnly', 'InviteOnly', 'Open', 'Closed')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropCheckConstraint(
                name: "CK_InstanceState_Registration",
                table: "InstanceState");

            migrationBuilder.DropColumn(
                name: "Registration",
                table: "InstanceState");
        }
    }
}
