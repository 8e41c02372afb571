using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReadinessSurvey.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneCurrentSnapshotPerRound : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_AggregateSnapshots_OneCurrentPerRound",
                table: "AggregateSnapshots",
                column: "RoundId",
                unique: true,
                filter: "IsCurrent = 1");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_AggregateSnapshots_OneCurrentPerRound",
                table: "AggregateSnapshots");
        }
    }
}
