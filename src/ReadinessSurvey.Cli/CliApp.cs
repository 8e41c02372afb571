using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Cli;

/// <summary>
/// The admin command line. It reads the same configuration as the web app (appsettings.json beside it,
/// environment variables such as Database__Provider and ConnectionStrings__Readiness), so by default it
/// works on the same embedded database.
/// </summary>
public static class CliApp
{
    /// <param name="settings">Configuration that overrides every other source (tests point the CLI at their database with it).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error, IEnumerable<KeyValuePair<string, string?>>? settings = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        var context = new CliContext(output, error, settings);
        var root = new RootCommand("ReadinessSurvey admin command line: survey definitions, councils, rounds, invitations, aggregation, reports and policy-team users.")
        {
            SurveyCommands.Create(context),
            CouncilCommands.Create(context),
            RoundCommands.Create(context),
            InviteCommands.Create(context),
            ReturnCommands.Create(context),
            AggregateCommands.Create(context),
            DemoCommands.Create(context),
            ReportCommands.Create(context),
            UserCommands.Create(context),
            PeopleCommands.Create(context),
            DatabaseCommands.Create(context),
        };

        var parse = root.Parse(args);
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync("Error: " + ex.Message);
            return ex.ExitCode;
        }
        finally
        {
            await context.DisposeAsync();
        }
    }
}

/// <summary>Services and console for one CLI invocation; the database is opened on first use.</summary>
public sealed class CliContext(TextWriter output, TextWriter error, IEnumerable<KeyValuePair<string, string?>>? settings = null) : IAsyncDisposable
{
    private IHost? _host;

    public TextWriter Output { get; } = output;

    public TextWriter Error { get; } = error;

    /// <summary>A scope over the platform's services, with the database migrated and the register loaded.</summary>
    public async Task<AsyncServiceScope> OpenAsync(CancellationToken cancellationToken)
    {
        if (_host is null)
        {
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
            {
                ContentRootPath = AppContext.BaseDirectory,
                DisableDefaults = false,
            });
            if (settings is not null)
            {
                builder.Configuration.AddInMemoryCollection(settings);
            }

            builder.Logging.ClearProviders();
            builder.Logging.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
            builder.Logging.SetMinimumLevel(LogLevel.Warning);
            // Relative folders (data/, surveys/, reports/) are under the current directory, as an operator expects of a command.
            builder.Services.AddReadinessCore(builder.Configuration, Directory.GetCurrentDirectory());
            _host = builder.Build();
            await using var init = _host.Services.CreateAsyncScope();
            try
            {
                await init.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(cancellationToken);
            }
            catch (OptionsValidationException ex)
            {
                throw new CliException(string.Join(" ", ex.Failures));
            }
        }

        return _host.Services.CreateAsyncScope();
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is IAsyncDisposable disposable)
        {
            await disposable.DisposeAsync();
        }
    }
}

/// <summary>A failure to report to the user as a plain message with a non-zero exit code.</summary>
public sealed class CliException(string message, int exitCode = 1) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
