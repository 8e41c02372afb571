namespace ReadinessSurvey.Tests.Web.Site;

/// <summary>The privacy notice states the retention and reminder settings the platform actually runs with.</summary>
public sealed class PrivacyNoticeTests : IDisposable
{
    private readonly ReadinessWebFactory _factory = new();

    public PrivacyNoticeTests()
    {
        _factory.Settings["Privacy:RetainContactsMonths"] = "9";
        _factory.Settings["Email:ReminderDaysBeforeClose"] = "10,3";
        _factory.Settings["Site:ContactEmail"] = "survey-team@example.org";
    }

    [Fact]
    public async Task Privacy_notice_states_the_configured_retention_reminders_and_contact()
    {
        var page = await _factory.CreateClient().GetStringAsync("/privacy");

        Assert.Contains("for 9 months after the survey round closes", page, StringComparison.Ordinal);
        Assert.Contains("Reminders go 10 and 3 days before the round closes", page, StringComparison.Ordinal);
        Assert.Contains("survey-team@example.org", page, StringComparison.Ordinal);
        Assert.DoesNotContain("{", page.Split("<main")[1].Split("</main>")[0], StringComparison.Ordinal);
    }

    public void Dispose() => _factory.Dispose();
}
