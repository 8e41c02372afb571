using System.Globalization;

namespace ReadinessSurvey.Web.Admin;

/// <summary>The GOV.UK date input: day, month and year typed into three boxes.</summary>
public sealed class DateInput
{
    public string? Day { get; set; }

    public string? Month { get; set; }

    public string? Year { get; set; }

    public bool IsEmpty => string.IsNullOrWhiteSpace(Day) && string.IsNullOrWhiteSpace(Month) && string.IsNullOrWhiteSpace(Year);

    /// <summary>The date at midnight UTC, or null with an error in the Design System's words.</summary>
    public DateTime? TryParse(string label, out string? error)
    {
        error = null;
        if (IsEmpty)
        {
            error = $"Enter the {label}";
            return null;
        }

        if (string.IsNullOrWhiteSpace(Day) || string.IsNullOrWhiteSpace(Month) || string.IsNullOrWhiteSpace(Year))
        {
            error = $"The {label} must include a day, month and year";
            return null;
        }

        if (!int.TryParse(Day, NumberStyles.None, CultureInfo.InvariantCulture, out var d)
            || !int.TryParse(Month, NumberStyles.None, CultureInfo.InvariantCulture, out var m)
            || !int.TryParse(Year, NumberStyles.None, CultureInfo.InvariantCulture, out var y)
            || y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            error = $"The {label} must be a real date, like 31 3 2026";
            return null;
        }

        return new DateTime(y, m, d, 0, 0, 0, DateTimeKind.Utc);
    }
}
