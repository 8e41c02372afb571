using Microsoft.Data.Sqlite;

namespace ReadinessSurvey.Tests.Web.Startup;

/// <summary>
/// Start-up never hangs: a CLI command or the web app killed part-way through start-up (migrations
/// included), or EF Core's migration lock row left behind, and the next start still finishes.
/// Each wait below is a hang detector, not a speed target: a hang is forever, while a healthy start
/// takes a few seconds here and up to a minute when the shared 2-core machine is busy.
/// </summary>
[Trait("Category", "Slow")]
public sealed class StartupRecoveryTests : IDisposable
{
    private static readonly TimeSpan HangLimit = TimeSpan.FromMinutes(3);
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "readiness-tests", Guid.NewGuid().ToString("N"));

    public StartupRecoveryTests() => Directory.CreateDirectory(_folder);

    [Fact]
    public async Task The_CLI_and_the_web_app_start_after_being_killed_at_random_points_of_start_up()
    {
        // Two kinds of kill, once each: the CLI killed, and the web app killed with a lock row left behind
        // (as a kill during migration leaves it). One is killed in the first half of the first 2.5 s of
        // start-up (the host starting, migrations beginning), the other in the second half (migrations,
        // register and survey import); which kind gets which half is drawn at random, so runs cover both.
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var webFirst = random.Next(2) == 1;
        for (var round = 0; round < 2; round++)
        {
            var connection = NewDatabase($"killed-{round}");
            var web = (round == 1) != webFirst;
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 1250) + (round * 1250));
            using (var victim = web ? AppProcess.Web(connection, AppProcess.FreePort(), "Development") : AppProcess.Cli(connection, "round", "list"))
            {
                await Task.Delay(delay);
                victim.Kill();
            }

            if (web)
            {
                LeaveLockRow(connection);
            }

            var context = $"(seed {seed}, round {round}, {(web ? "web app" : "CLI")} killed after {delay.TotalMilliseconds:0} ms)";
            await AssertCliStartsAsync(connection, context);
            await AssertWebAppStartsAsync(connection);
        }
    }

    [Fact]
    public async Task A_lock_row_left_on_an_up_to_date_database_does_not_stop_the_next_start()
    {
        // The issue's reproduction: run a command once, insert the lock row by hand, run it again.
        var connection = NewDatabase("up-to-date");
        await AssertCliStartsAsync(connection, "(first run)");
        LeaveLockRow(connection);

        await AssertCliStartsAsync(connection, "(with the lock row)");
        await AssertWebAppStartsAsync(connection);
    }

    [Fact]
    public async Task A_stale_lock_row_on_a_database_with_pending_migrations_is_removed_with_a_warning()
    {
        var connection = NewDatabase("pending");
        LeaveLockRow(connection);

        using var cli = AppProcess.Cli(connection, "round", "list");
        var exit = await cli.WaitForExitAsync(HangLimit);

        Assert.True(exit == 0, $"Exit {exit}:\n{cli.Output}");
        Assert.Contains("Removed a stale migration lock", cli.Output, StringComparison.Ordinal);
        Assert.Equal(0, LockRows(connection));
        await AssertWebAppStartsAsync(connection);
    }

    [Fact]
    public async Task A_start_while_another_process_migrates_waits_for_it_instead_of_removing_its_lock()
    {
        var connection = NewDatabase("busy");
        LeaveLockRow(connection);
        var file = new SqliteConnectionStringBuilder(connection).DataSource;

        // Stand in for a live migrating process: it holds the lock file beside the database.
        using (new FileStream(file + ".migrating", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None))
        using (var cli = AppProcess.Cli(connection, "round", "list"))
        {
            await WaitForAsync(() => cli.Output.Contains("Waiting for another process", StringComparison.Ordinal) || cli.HasExited);
            Assert.False(cli.HasExited, cli.Output);
            Assert.Equal(1, LockRows(connection));
        }

        // Once that process has gone, the next start recovers.
        await AssertCliStartsAsync(connection, "(after the other process ended)");
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }

    private string NewDatabase(string name) => $"Data Source={Path.Combine(_folder, name, "readiness.db")};Pooling=False";

    private static async Task AssertCliStartsAsync(string connection, string context)
    {
        using var cli = AppProcess.Cli(connection, "round", "list");
        var exit = await cli.WaitForExitAsync(HangLimit);
        Assert.True(exit == 0, $"The CLI exited with {exit} {context}:\n{cli.Output}");
    }

    private static async Task AssertWebAppStartsAsync(string connection)
    {
        var port = AppProcess.FreePort();
        using var web = AppProcess.Web(connection, port, "Development");
        await web.WaitUntilHealthyAsync(port, HangLimit);
    }

    /// <summary>The row EF Core's SQLite provider inserts while it migrates, in its own table.</summary>
    private static void LeaveLockRow(string connection)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(new SqliteConnectionStringBuilder(connection).DataSource)!);
        using var db = new SqliteConnection(connection);
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = """
            CREATE TABLE IF NOT EXISTS "__EFMigrationsLock" ("Id" INTEGER NOT NULL CONSTRAINT "PK___EFMigrationsLock" PRIMARY KEY, "Timestamp" TEXT NOT NULL);
            INSERT OR REPLACE INTO "__EFMigrationsLock" ("Id", "Timestamp") VALUES (1, '2026-01-01 00:00:00+00:00');
            """;
        command.ExecuteNonQuery();
    }

    private static long LockRows(string connection)
    {
        using var db = new SqliteConnection(connection);
        db.Open();
        using var command = db.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM \"__EFMigrationsLock\"";
        return (long)command.ExecuteScalar()!;
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + HangLimit;
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }
}
