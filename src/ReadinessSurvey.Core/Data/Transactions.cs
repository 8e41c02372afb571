using Microsoft.EntityFrameworkCore;

namespace ReadinessSurvey.Data;

/// <summary>
/// The one way the application begins a transaction. On PostgreSQL and SQL Server the context retries
/// work that met a transient failure, and a retrying strategy refuses a transaction begun outside it
/// (it could not replay the statements before the failure). So the whole unit runs inside the provider's
/// execution strategy and is run again from the start after a transient failure.
/// </summary>
public static class Transactions
{
    /// <summary>
    /// Runs <paramref name="work"/> in one transaction, committed when it returns and rolled back when it
    /// throws. The change tracker is cleared before each attempt, so the work must load or create inside
    /// itself everything it changes; what an attempt half did is never saved twice.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(this DbContext db, Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(work);
        return db.Database.CreateExecutionStrategy().ExecuteAsync(
            (db, work),
            static async (_, state, ct) =>
            {
                state.db.ChangeTracker.Clear();
                await using var transaction = await state.db.Database.BeginTransactionAsync(ct);
                var result = await state.work(ct);
                await transaction.CommitAsync(ct);
                return result;
            },
            verifySucceeded: null,
            cancellationToken);
    }
}
