using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReadinessSurvey.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnapshotCouncilRows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SnapshotCouncils",
                columns: table => new
                {
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    TypeCode = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    RegionCode = table.Column<string>(type: "TEXT", maxLength: 9, nullable: false),
                    Tier = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    OverallScore = table.Column<double>(type: "REAL", nullable: true),
                    MaturityLevel = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SnapshotCouncils", x => new { x.SnapshotId, x.CouncilId });
                    table.ForeignKey(
                        name: "FK_SnapshotCouncils_AggregateSnapshots_SnapshotId",
                        column: x => x.SnapshotId,
                        principalTable: "AggregateSnapshots",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SnapshotCouncilScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    DimensionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    Status = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SnapshotCouncilScores", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SnapshotCouncilScores_SnapshotCouncils_SnapshotId_CouncilId",
                        columns: x => new { x.SnapshotId, x.CouncilId },
                        principalTable: "SnapshotCouncils",
                        principalColumns: new[] { "SnapshotId", "CouncilId" },
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SnapshotCouncilScores_SnapshotId_CouncilId",
                table: "SnapshotCouncilScores",
                columns: new[] { "SnapshotId", "CouncilId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SnapshotCouncilScores");

            migrationBuilder.DropTable(
                name: "SnapshotCouncils");
        }
    }
}
