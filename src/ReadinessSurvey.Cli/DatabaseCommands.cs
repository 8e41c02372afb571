using System.CommandLine;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Cli;

internal static class DatabaseCommands
{
    public static Command Create(CliContext context)
    {
        var from = new Option<string>("--from") { Description = "The SQLite database to copy: its file (for example data/readiness.db) or a connection string.", Required = true };
        var provider = new Option<DatabaseProvider>("--to-provider") { Description = "The target's provider: PostgreSql or SqlServer.", Required = true };
        var to = new Option<string>("--to") { Description = "The target's connection string. The database must exist and be empty.", Required = true };
        var copy = new Command("copy", "Copy every row of a SQLite database into an empty PostgreSQL or SQL Server database, then check the counts and the latest snapshot's hash.") { from, provider, to };
        copy.SetAction(async (parse, ct) =>
        {
            var target = parse.GetValue(provider);
            if (target == DatabaseProvider.Sqlite)
            {
                throw new CliException("--to-provider must be PostgreSql or SqlServer: the copy moves the embedded database to a server.");
            }

            var source = parse.GetValue(from)!;
            var sourceConnection = source.Contains('=', StringComparison.Ordinal) ? source : $"Data Source={Path.GetFullPath(source)}";
            if (DataServiceCollectionExtensions.SqliteFile(sourceConnection) is not { } file || !File.Exists(file))
            {
                throw new CliException($"There is no SQLite database at {source}.");
            }

            await using var sourceDb = DataServiceCollectionExtensions.CreateContext(DatabaseProvider.Sqlite, sourceConnection + ";Mode=ReadOnly");
            await using var targetDb = DataServiceCollectionExtensions.CreateContext(target, parse.GetValue(to)!);
            CopyResult result;
            try
            {
                result = await new DatabaseCopier(sourceDb, targetDb, target).CopyAsync(new Progress<string>(context.Output.WriteLine), ct);
            }
            catch (InvalidOperationException ex)
            {
                throw new CliException(ex.Message);
            }

            var rows = result.Tables.Sum(t => t.InTarget);
            foreach (var table in result.Tables.Where(t => t.Copied != t.InTarget))
            {
                await context.Error.WriteLineAsync($"{table.Table}: {table.Copied} rows copied but {table.InTarget} in the target.");
            }

            if (result.SourceSnapshotHash != result.TargetSnapshotHash)
            {
                await context.Error.WriteLineAsync($"The latest snapshot differs: {result.SourceSnapshotHash} in the source, {result.TargetSnapshotHash} in the target.");
            }

            if (!result.Matches)
            {
                throw new CliException("The copy does not match its source; do not switch over to the target.");
            }

            await context.Output.WriteLineAsync(
                $"Copied {rows} rows in {result.Tables.Count} tables; every count matches" +
                (result.SourceSnapshotHash is null ? " (no snapshots yet)." : $", and so does the latest snapshot (SHA-256 {result.SourceSnapshotHash[..16]}...)."));
            await context.Output.WriteLineAsync("Report files are not in the database: they stay in the reports folder (Reports:Folder).");
            return 0;
        });
        return new Command("database", "Move the platform's data between databases.") { copy };
    }
}
