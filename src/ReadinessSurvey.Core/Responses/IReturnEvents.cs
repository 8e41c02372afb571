namespace ReadinessSurvey.Responses;

/// <summary>Told when a return is submitted or reopened, e.g. to schedule aggregation.</summary>
public interface IReturnEvents
{
    Task ReturnChangedAsync(int roundId, CancellationToken cancellationToken);
}

/// <summary>Does nothing: for hosts that aggregate on demand only (the CLI).</summary>
public sealed class NoReturnEvents : IReturnEvents
{
    public Task ReturnChangedAsync(int roundId, CancellationToken cancellationToken) => Task.CompletedTask;
}
