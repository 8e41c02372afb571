using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Privacy;

namespace ReadinessSurvey.Email;

/// <summary>Email to invited people, and the personal-data rules that go with holding their addresses.</summary>
public static class EmailServiceCollectionExtensions
{
    public static IServiceCollection AddReadinessEmail(this IServiceCollection services)
    {
        services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.SectionName).ValidateDataAnnotations()
            .Validate(o => Parses(o), "Email:ReminderDaysBeforeClose must be a list of whole numbers of days, such as 14,7,2.").ValidateOnStart();
        services.AddOptions<PrivacyOptions>().BindConfiguration(PrivacyOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.TryAddScoped(sp => EmailTransports.For(sp.GetRequiredService<IOptions<EmailOptions>>().Value, sp.GetRequiredService<Storage.StoragePaths>().Data));
        services.AddScoped<EmailDelivery>();
        services.AddScoped<EmailOutbox>();

        // The CLI sends at once; the jobs registration replaces this with background jobs.
        services.TryAddScoped<IEmailDispatcher, ImmediateEmailDispatcher>();
        services.AddScoped<PersonalData>();
        return services;
    }

    private static bool Parses(EmailOptions options)
    {
        try
        {
            options.ReminderDays();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
