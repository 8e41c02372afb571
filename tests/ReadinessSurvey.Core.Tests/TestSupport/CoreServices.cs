using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Tests.TestSupport;

/// <summary>
/// The platform's services (as the CLI and web app register them) over a test database, initialised:
/// migrated, council register and survey definitions loaded.
/// </summary>
public sealed class CoreServices : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private CoreServices(ServiceProvider provider) => _provider = provider;

    public IServiceProvider Services => _provider;

    public static async Task<CoreServices> StartAsync(TestDatabase database, Action<IServiceCollection>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(database);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(Settings(database)).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(configuration);
        services.AddReadinessCore(configuration, database.Folder);
        configure?.Invoke(services);
        var provider = services.BuildServiceProvider();
        await using (var scope = provider.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync();
        }

        return new CoreServices(provider);
    }

    /// <summary>The configuration that points the platform at the test database.</summary>
    public static Dictionary<string, string?> Settings(TestDatabase database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return database.Settings();
    }

    public AsyncServiceScope CreateScope() => _provider.CreateAsyncScope();

    public async Task<T> WithAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        ArgumentNullException.ThrowIfNull(action);
        await using var scope = _provider.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
