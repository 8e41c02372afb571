using Hangfire;
using Hangfire.InMemory;
using Microsoft.Extensions.DependencyInjection;
using ReadinessSurvey.Jobs;
using ReadinessSurvey.Tests.TestSupport;

namespace ReadinessSurvey.Tests.Jobs;

/// <summary>
/// The platform's services with the jobs registered over Hangfire in-memory storage, as the web app has
/// them on SQLite; <see cref="StartServer"/> adds a job server that resolves jobs from the container.
/// </summary>
public sealed class JobsTestHost : IAsyncDisposable
{
    private readonly List<BackgroundJobServer> _servers = [];

    private JobsTestHost(CoreServices core, InMemoryStorage storage)
    {
        Core = core;
        Storage = storage;
    }

    public CoreServices Core { get; }

    public InMemoryStorage Storage { get; }

    public IServiceProvider Services => Core.Services;

    public static async Task<JobsTestHost> StartAsync(TestDatabase database, int aggregationDelaySeconds = 3, Action<IServiceCollection>? configure = null)
    {
        var storage = new InMemoryStorage();
        var core = await CoreServices.StartAsync(database, services =>
        {
            services.AddSingleton<JobStorage>(storage);
            services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(storage));
            services.AddReadinessJobs();
            services.Configure<JobsOptions>(o => o.AggregationDelaySeconds = aggregationDelaySeconds);
            configure?.Invoke(services);
        });
        return new JobsTestHost(core, storage);
    }

    public void StartServer()
    {
        _servers.Add(new BackgroundJobServer(
            new BackgroundJobServerOptions
            {
                WorkerCount = 2,
                SchedulePollingInterval = TimeSpan.FromMilliseconds(100),
                Activator = new ContainerActivator(Services.GetRequiredService<IServiceScopeFactory>()),
            },
            Storage));
    }

    /// <summary>Waits until <paramref name="done"/> holds, failing after 20 seconds.</summary>
    public static async Task WaitForAsync(Func<Task<bool>> done)
    {
        ArgumentNullException.ThrowIfNull(done);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (!await done())
        {
            Assert.True(DateTime.UtcNow < until, "Timed out waiting for the background job.");
            await Task.Delay(100);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in _servers)
        {
            server.SendStop();
            server.Dispose();
        }

        await Core.DisposeAsync();
        Storage.Dispose();
    }

    /// <summary>Resolves each job in a scope of its own, as Hangfire.AspNetCore does in the web app.</summary>
    private sealed class ContainerActivator(IServiceScopeFactory scopes) : JobActivator
    {
        public override JobActivatorScope BeginScope(JobActivatorContext context) => new Scope(scopes.CreateScope());

        private sealed class Scope(IServiceScope scope) : JobActivatorScope
        {
            public override object Resolve(Type type) => ActivatorUtilities.GetServiceOrCreateInstance(scope.ServiceProvider, type);

            public override void DisposeScope() => scope.Dispose();
        }
    }
}
