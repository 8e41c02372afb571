using System.Globalization;

namespace ReadinessSurvey;

/// <summary>
/// The one time convention on every page: UK time (Europe/London, so GMT or BST as the date requires),
/// written "2 December 2026 at 14:05 UK time". Times are stored in UTC; only display and the meaning of a
/// typed date (a UK day) go through here.
/// </summary>
public static class UkTime
{
    private static readonly CultureInfo s_uk = CultureInfo.GetCultureInfo("en-GB");

    /// <summary>Europe/London; UTC only where the system has no time zone data.</summary>
    public static TimeZoneInfo Zone { get; } =
        TimeZoneInfo.TryFindSystemTimeZoneById("Europe/London", out var zone) ? zone : TimeZoneInfo.Utc;

    public static DateTime FromUtc(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    /// <summary>"2 December 2026 at 14:05 UK time".</summary>
    public static string Format(DateTime utc) => FromUtc(utc).ToString("d MMMM yyyy 'at' HH:mm", s_uk) + " UK time";

    /// <summary>"2 December 2026", the UK date of the instant.</summary>
    public static string FormatDate(DateTime utc) => FromUtc(utc).ToString("d MMMM yyyy", s_uk);

    /// <summary>The first instant (UTC) of a UK calendar day.</summary>
    public static DateTime StartOfDay(DateOnly day) => TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue), Zone);

    /// <summary>The last instant (UTC) of a UK calendar day: a round closing on a day stays open all that day in the UK.</summary>
    public static DateTime EndOfDay(DateOnly day) => StartOfDay(day.AddDays(1)).AddTicks(-1);
}
