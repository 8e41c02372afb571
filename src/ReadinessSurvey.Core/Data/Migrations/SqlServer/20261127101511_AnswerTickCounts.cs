using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReadinessSurvey.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AnswerTickCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Answers_QuestionId_Choice_Number_ReturnId",
                table: "Answers");

            migrationBuilder.AddColumn<int>(
                name: "TickCount",
                table: "Answers",
                type: "int",
                nullable: true);

            // Existing multiple-choice answers get their tick counts from their selection rows (the only
            // answers that have any); one cleared to nothing stays null, which counts as unanswered like 0.
            migrationBuilder.Sql(
                """
                UPDATE "Answers" SET "TickCount" =
                    (SELECT COUNT(DISTINCT s."Value") FROM "AnswerSelections" AS s WHERE s."AnswerId" = "Answers"."Id")
                WHERE "Id" IN (SELECT "AnswerId" FROM "AnswerSelections");
                """);

            migrationBuilder.CreateIndex(
                name: "IX_Answers_QuestionId_Choice_Number_ReturnId_TickCount",
                table: "Answers",
                columns: new[] { "QuestionId", "Choice", "Number", "ReturnId", "TickCount" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Answers_QuestionId_Choice_Number_ReturnId_TickCount",
                table: "Answers");

            migrationBuilder.DropColumn(
                name: "TickCount",
                table: "Answers");

            migrationBuilder.CreateIndex(
                name: "IX_Answers_QuestionId_Choice_Number_ReturnId",
                table: "Answers",
                columns: new[] { "QuestionId", "Choice", "Number", "ReturnId" });
        }
    }
}
