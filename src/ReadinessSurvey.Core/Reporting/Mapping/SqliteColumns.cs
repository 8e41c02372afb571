using System.Runtime.InteropServices;
using SQLitePCL;

namespace ReadinessSurvey.Reporting.Mapping;

/// <summary>
/// SQLite's step and column functions called straight into the bundled e_sqlite3 library, for a
/// statement prepared through SQLitePCL on the same library (see <see cref="IsAvailable"/>).
/// </summary>
/// <remarks>
/// Note: the export steps millions of answer rows and reads about eight columns of each. Through
/// SQLitePCL every call takes and releases the statement's SafeHandle and goes through its provider
/// interface, which cost as much again as SQLite's own work; these calls take the raw pointer, and the
/// column getters (short, never blocking, never calling back) skip the GC transition.
/// </remarks>
internal static unsafe partial class SqliteColumns
{
    private const string Library = "e_sqlite3";

    /// <summary>True when SQLitePCL runs on e_sqlite3, so a statement it prepared belongs to the library these calls reach.</summary>
    public static bool IsAvailable { get; } = string.Equals(raw.GetNativeLibraryName(), Library, StringComparison.Ordinal);

    [LibraryImport(Library, EntryPoint = "sqlite3_step")]
    public static partial int Step(IntPtr statement);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_type")]
    [SuppressGCTransition]
    public static partial int Type(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_int64")]
    [SuppressGCTransition]
    public static partial long Int64(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_double")]
    [SuppressGCTransition]
    public static partial double Double(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_text")]
    [SuppressGCTransition]
    private static partial byte* Text(IntPtr statement, int column);

    [LibraryImport(Library, EntryPoint = "sqlite3_column_bytes")]
    [SuppressGCTransition]
    private static partial int Bytes(IntPtr statement, int column);

    /// <summary>A text column as UTF-8 (SQLite converts it if the database is not), valid until the next step.</summary>
    public static ReadOnlySpan<byte> Utf8(IntPtr statement, int column)
    {
        var text = Text(statement, column); // first, as SQLite asks: the length is then of the UTF-8 form
        return text is null ? [] : new ReadOnlySpan<byte>(text, Bytes(statement, column));
    }
}
