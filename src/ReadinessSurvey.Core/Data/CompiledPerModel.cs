using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace ReadinessSurvey.Data;

/// <summary>
/// An EF Core compiled query, compiled once for each model it meets. A compiled query is bound to the
/// first model it runs against and refuses any other, and one process can hold several (the SQLite and
/// SQL Server contexts; test suites that build more than one), so each model gets its own.
/// </summary>
/// <remarks>
/// Note: the hottest reads (every respondent request re-checks its invitation and reads the return) are
/// compiled so that a request does no expression-tree work; measured in the load benchmark.
/// </remarks>
public sealed class CompiledPerModel<TQuery>(Func<TQuery> compile)
    where TQuery : class
{
    private readonly ConditionalWeakTable<IModel, TQuery> _compiled = [];

    /// <summary>The query compiled for this context's model.</summary>
    public TQuery For(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return _compiled.GetValue(db.Model, _ => compile());
    }
}
