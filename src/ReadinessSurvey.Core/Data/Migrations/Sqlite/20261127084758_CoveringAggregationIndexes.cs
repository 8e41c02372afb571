using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ReadinessSurvey.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class CoveringAggregationIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReturnScores_DimensionId",
                table: "ReturnScores");

            migrationBuilder.DropIndex(
                name: "IX_AnswerSelections_QuestionId_Value",
                table: "AnswerSelections");

            migrationBuilder.DropIndex(
                name: "IX_Answers_QuestionId_Choice",
                table: "Answers");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnScores_DimensionId_Score_ReturnId",
                table: "ReturnScores",
                columns: new[] { "DimensionId", "Score", "ReturnId" });

            migrationBuilder.CreateIndex(
                name: "IX_AnswerSelections_QuestionId_Value_ReturnId",
                table: "AnswerSelections",
                columns: new[] { "QuestionId", "Value", "ReturnId" });

            migrationBuilder.CreateIndex(
                name: "IX_Answers_QuestionId_Choice_Number_ReturnId",
                table: "Answers",
                columns: new[] { "QuestionId", "Choice", "Number", "ReturnId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ReturnScores_DimensionId_Score_ReturnId",
                table: "ReturnScores");

            migrationBuilder.DropIndex(
                name: "IX_AnswerSelections_QuestionId_Value_ReturnId",
                table: "AnswerSelections");

            migrationBuilder.DropIndex(
                name: "IX_Answers_QuestionId_Choice_Number_ReturnId",
                table: "Answers");

            migrationBuilder.CreateIndex(
                name: "IX_ReturnScores_DimensionId",
                table: "ReturnScores",
                column: "DimensionId");

            migrationBuilder.CreateIndex(
                name: "IX_AnswerSelections_QuestionId_Value",
                table: "AnswerSelections",
                columns: new[] { "QuestionId", "Value" });

            migrationBuilder.CreateIndex(
                name: "IX_Answers_QuestionId_Choice",
                table: "Answers",
                columns: new[] { "QuestionId", "Choice" });
        }
    }
}
