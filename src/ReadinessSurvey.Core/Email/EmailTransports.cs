using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using Notify.Client;

namespace ReadinessSurvey.Email;

/// <summary>Hands one message to the outside world; throws <see cref="EmailRefusedException"/> (or any error) when it cannot.</summary>
public interface IEmailTransport
{
    Task SendAsync(EmailKind kind, EmailContent content, CancellationToken cancellationToken);
}

/// <summary>The transport for <c>Email:Mode</c>.</summary>
public static class EmailTransports
{
    /// <param name="dataFolder">The data folder (<c>Storage:DataFolder</c>), which a relative pickup folder is under.</param>
    public static IEmailTransport For(EmailOptions options, string dataFolder)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Mode switch
        {
            EmailMode.Smtp => new SmtpTransport(options),
            EmailMode.Notify => new NotifyTransport(options.Notify),
            _ => new PickupTransport(options, dataFolder),
        };
    }

    internal static MimeMessage Mime(EmailOptions options, EmailContent content)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, options.From));
        message.To.Add(MailboxAddress.Parse(content.To));
        message.Subject = content.Subject;
        message.Body = new TextPart("plain") { Text = content.Body };
        return message;
    }
}

/// <summary>The embedded default: each message is written as an .eml file to the pickup folder, so no mail server is needed.</summary>
public sealed class PickupTransport(EmailOptions options, string dataFolder) : IEmailTransport
{
    public string Folder { get; } = Path.GetFullPath(options.PickupDirectory, dataFolder);

    public async Task SendAsync(EmailKind kind, EmailContent content, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Folder);
        using var message = EmailTransports.Mime(options, content);

        // Write under a temporary name, then rename: a reader never sees half a message.
        var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
        var partial = Path.Combine(Folder, name + ".partial");
        await message.WriteToAsync(partial, cancellationToken);
        File.Move(partial, Path.Combine(Folder, name));
    }
}

/// <summary>Any SMTP relay, through MailKit.</summary>
public sealed class SmtpTransport(EmailOptions options) : IEmailTransport
{
    public async Task SendAsync(EmailKind kind, EmailContent content, CancellationToken cancellationToken)
    {
        var smtp = options.Smtp;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            throw new InvalidOperationException("Email:Mode is Smtp but Email:Smtp:Host is not set.");
        }

        using var message = EmailTransports.Mime(options, content);
        using var client = new SmtpClient();
        await client.ConnectAsync(smtp.Host, smtp.Port, Security(smtp.Security), cancellationToken);
        if (!string.IsNullOrEmpty(smtp.UserName))
        {
            await client.AuthenticateAsync(smtp.UserName, smtp.Password ?? "", cancellationToken);
        }

        try
        {
            await client.SendAsync(message, cancellationToken);
        }
        catch (SmtpCommandException ex)
        {
            throw new EmailRefusedException($"The mail server refused the message: {(int)ex.StatusCode} {ex.Message}", ex);
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
    }

    private static SecureSocketOptions Security(string value) => value.ToUpperInvariant() switch
    {
        "NONE" => SecureSocketOptions.None,
        "STARTTLS" => SecureSocketOptions.StartTls,
        "TLS" => SecureSocketOptions.SslOnConnect,
        "AUTO" => SecureSocketOptions.Auto,
        _ => throw new InvalidOperationException($"Email:Smtp:Security '{value}' is not one of Auto, StartTls, Tls or None."),
    };
}

/// <summary>GOV.UK Notify, through its own client: the template for the kind of message gets the fields as personalisation.</summary>
public sealed class NotifyTransport(NotifySettings settings) : IEmailTransport
{
    public async Task SendAsync(EmailKind kind, EmailContent content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        if (string.IsNullOrWhiteSpace(settings.ApiKey))
        {
            throw new InvalidOperationException("Email:Mode is Notify but Email:Notify:ApiKey is not set.");
        }

        var template = kind switch
        {
            EmailKind.Invitation => settings.InvitationTemplateId,
            EmailKind.NewLink => settings.NewLinkTemplateId ?? settings.InvitationTemplateId,
            _ => settings.ReminderTemplateId,
        };
        if (string.IsNullOrWhiteSpace(template))
        {
            throw new InvalidOperationException($"Email:Mode is Notify but there is no template id for {kind} messages (Email:Notify:{kind}TemplateId).");
        }

        var client = new NotificationClient(settings.BaseUrl, settings.ApiKey);
        var personalisation = content.Fields.ToDictionary(f => f.Key, f => (dynamic)f.Value);
        personalisation["subject"] = content.Subject;
        try
        {
            await client.SendEmailAsync(content.To, template, personalisation);
        }
        catch (Notify.Exceptions.NotifyClientException ex)
        {
            throw new EmailRefusedException("GOV.UK Notify refused the message: " + ex.Message, ex);
        }
    }
}

/// <summary>The far end answered and said no (as opposed to not answering at all).</summary>
public sealed class EmailRefusedException(string message, Exception inner) : Exception(message, inner);
