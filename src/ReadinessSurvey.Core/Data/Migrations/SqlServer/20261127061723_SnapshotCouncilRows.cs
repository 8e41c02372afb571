using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReadinessSurvey.Data.Migrations.SqlServer
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
                    SnapshotId = table.Column<long>(type: "bigint", nullable: false),
                    CouncilId = table.Column<int>(type: "int", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    Name = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TypeCode = table.Column<string>(type: "nvarchar(3)", maxLength: 3, nullable: false),
                    RegionCode = table.Column<string>(type: "nvarchar(9)", maxLength: 9, nullable: false),
                    Tier = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    OverallScore = table.Column<double>(type: "float", nullable: true),
                    MaturityLevel = table.Column<int>(type: "int", nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    SnapshotId = table.Column<long>(type: "bigint", nullable: false),
                    CouncilId = table.Column<int>(type: "int", nullable: false),
                    DimensionId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "float", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false)
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
