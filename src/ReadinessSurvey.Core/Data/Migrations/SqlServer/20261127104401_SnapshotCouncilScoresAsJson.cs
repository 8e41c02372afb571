using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReadinessSurvey.Data.Migrations.SqlServer
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
                type: "nvarchar(max)",
                nullable: true);

            // Existing snapshots keep their council scores: each council's rows become its JSON array, built
            // as text with CONVERT style 3 (17 digits) because FOR JSON writes a float with only 16.
            migrationBuilder.Sql(
                """
                UPDATE c SET [Scores] = CONCAT(N'[', (
                    SELECT STRING_AGG(CAST(CONCAT(N'{"d":"', STRING_ESCAPE(s.[DimensionId], 'json'), N'","s":',
                        COALESCE(CONVERT(varchar(30), s.[Score], 3), 'null'), N',"st":"', STRING_ESCAPE(s.[Status], 'json'), N'"}') AS nvarchar(max)), N',')
                    FROM [SnapshotCouncilScores] AS s
                    WHERE s.[SnapshotId] = c.[SnapshotId] AND s.[CouncilId] = c.[CouncilId]), N']')
                FROM [SnapshotCouncils] AS c;
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    CouncilId = table.Column<int>(type: "int", nullable: false),
                    DimensionId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    Score = table.Column<double>(type: "float", nullable: true),
                    SnapshotId = table.Column<long>(type: "bigint", nullable: false),
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

            migrationBuilder.Sql(
                """
                INSERT INTO [SnapshotCouncilScores] ([SnapshotId], [CouncilId], [DimensionId], [Score], [Status])
                SELECT c.[SnapshotId], c.[CouncilId], j.[d], j.[s], j.[st]
                FROM [SnapshotCouncils] AS c
                CROSS APPLY OPENJSON(c.[Scores]) WITH ([d] nvarchar(64) '$.d', [s] float '$.s', [st] nvarchar(20) '$.st') AS j;
                """);

            migrationBuilder.DropColumn(
                name: "Scores",
                table: "SnapshotCouncils");
        }
    }
}
