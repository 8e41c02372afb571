using System.CommandLine;

namespace ReadinessSurvey.Cli;

internal static class SurveyCommands
{
    public static Command Create(CliContext context) => new("survey", "Survey definitions.");
}
