using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReadinessSurvey.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SnapshotCouncilScoresAsJson : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Scores",
                table: "SnapshotCouncils",
                type: "TEXT",
                nullable: true);

            // Existing snapshots keep their council scores: each council's rows become its JSON array.
            migrationBuilder.Sql(
                """
                UPDATE "SnapshotCouncils" SET "Scores" = (
                    SELECT json_group_array(json_object('d', s."DimensionId", 's', s."Score", 'st', s."Status"))
                    FROM "SnapshotCouncilScores" AS s
                    WHERE s."SnapshotId" = "SnapshotCouncils"."SnapshotId" AND s."CouncilId" = "SnapshotCouncils"."CouncilId");
                """);

            migrationBuilder.DropTable(
                name: "SnapshotCouncilScores");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SnapshotCouncilScores",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CouncilId = table.Column<int>(type: "INTEGER", nullable: false),
                    DimensionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "REAL", nullable: true),
                    SnapshotId = table.Column<long>(type: "INTEGER", nullable: false),
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

            migrationBuilder.Sql(
                """
                INSERT INTO "SnapshotCouncilScores" ("SnapshotId", "CouncilId", "DimensionId", "Score", "Status")
                SELECT c."SnapshotId", c."CouncilId", json_extract(j.value, '$.d'), json_extract(j.value, '$.s'), json_extract(j.value, '$.st')
                FROM "SnapshotCouncils" AS c, json_each(c."Scores") AS j;
                """);

            migrationBuilder.DropColumn(
                name: "Scores",
                table: "SnapshotCouncils");
        }
    }
}
