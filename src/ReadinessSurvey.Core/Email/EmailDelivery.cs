using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Responses;
using ReadinessSurvey.Surveys;

namespace ReadinessSurvey.Email;

/// <summary>
/// Makes one try at sending one queued message. Each message carries a link of its own: a new token is
/// made for it and its hash saved once the message has gone, so the token exists only in the message
/// (only hashes are stored; see docs/decisions/0040). The log names messages and invitations by id only.
/// </summary>
public sealed partial class EmailDelivery(
    ReadinessDbContext db, AuditLog audit, TimeProvider clock, IOptions<EmailOptions> options, IConfiguration configuration,
    IEmailTransport transport, ILogger<EmailDelivery> logger)
{
    /// <summary>Tries once; says whether the message is done, should be tried again, or has failed for good.</summary>
    public async Task<DeliveryOutcome> SendAsync(int messageId, CancellationToken cancellationToken = default)
    {
        var message = await db.EmailMessages.Include(m => m.Invitation!).ThenInclude(i => i.Round)
            .Include(m => m.Invitation!).ThenInclude(i => i.Council)
            .SingleOrDefaultAsync(m => m.Id == messageId, cancellationToken);
        if (message is null || message.Status != EmailStatus.Queued)
        {
            return DeliveryOutcome.Done;
        }

        var settings = options.Value;
        var invitation = message.Invitation!;
        var now = clock.GetUtcNow().UtcDateTime;
        if (Unsendable(invitation, now) is { } why)
        {
            return await FailAsync(message, why, cancellationToken);
        }

        message.Attempts++;
        message.LastAttemptAt = now;
        var token = InvitationTokens.NewToken();
        var link = new Uri(SiteUrl(), $"respond/start/{token}").ToString();
        var content = EmailContent.For(message.Kind, invitation.Email, invitation.Name, invitation.Council!.Name, invitation.Round!.Name,
            invitation.Round.ClosesAt, link, settings.Contact);
        try
        {
            await transport.SendAsync(message.Kind, content, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            var reason = Scrub(ex is EmailRefusedException ? ex.Message : $"Could not reach the mail service: {ex.Message}", invitation);
            if (message.Attempts >= settings.MaxAttempts)
            {
                return await FailAsync(message, reason, cancellationToken);
            }

            message.FailureReason = reason;
            await db.SaveChangesAsync(cancellationToken);
            LogRetry(message.Id, message.Attempts, ex.GetType().Name);
            return DeliveryOutcome.Retry;
        }

        invitation.TokenHash = InvitationTokens.Hash(token);
        message.Status = EmailStatus.Sent;
        message.SentAt = clock.GetUtcNow().UtcDateTime;
        message.FailureReason = null;
        audit.Record("system", "email.sent", $"invitation:{invitation.Id}", $"{Label(message.Kind)}, message {message.Id}");
        await db.SaveChangesAsync(cancellationToken);
        LogSent(message.Id, invitation.Id, message.Kind);
        return DeliveryOutcome.Done;
    }

    /// <summary>How many tries the message has had.</summary>
    public async Task<int> AttemptsAsync(int messageId, CancellationToken cancellationToken = default) =>
        await db.EmailMessages.Where(m => m.Id == messageId).Select(m => m.Attempts).SingleOrDefaultAsync(cancellationToken);

    /// <summary>How long to wait before try number <paramref name="attempt"/> + 1: the delay, doubled each time.</summary>
    public TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromSeconds(options.Value.RetryDelaySeconds * Math.Pow(2, Math.Max(0, attempt - 1)));

    public static string Label(EmailKind kind) => kind switch
    {
        EmailKind.Invitation => "invitation",
        EmailKind.NewLink => "new link",
        _ => "reminder",
    };

    private static string? Unsendable(Invitation invitation, DateTime now) =>
        invitation.ErasedAt is not null ? "The person's details were erased before the message was sent."
        : invitation.RevokedAt is not null ? "The invitation was revoked before the message was sent."
        : invitation.Round!.Status != RoundStatus.Open || invitation.Round.ClosesAt <= now || invitation.ExpiresAt <= now
            ? "The round closed before the message was sent."
        : null;

    private async Task<DeliveryOutcome> FailAsync(EmailMessage message, string reason, CancellationToken cancellationToken)
    {
        message.Status = EmailStatus.Failed;
        message.FailureReason = reason.Length > 500 ? reason[..500] : reason;
        audit.Record("system", "email.failed", $"invitation:{message.InvitationId}", $"{Label(message.Kind)}, message {message.Id}, after {message.Attempts} tries");
        await db.SaveChangesAsync(cancellationToken);
        LogFailed(message.Id, message.InvitationId, message.Attempts);
        return DeliveryOutcome.Failed;
    }

    /// <summary>Servers often quote the address back ("5.1.1 &lt;jo@x&gt; unknown"): keep the reason, not the address or name.</summary>
    private static string Scrub(string reason, Invitation invitation) =>
        reason.Replace(invitation.Email, "the recipient", StringComparison.OrdinalIgnoreCase)
            .Replace(invitation.Name, "the recipient", StringComparison.OrdinalIgnoreCase)
            .ReplaceLineEndings(" ").Trim();

    /// <summary><c>Site:BaseUrl</c>: jobs have no request to take an address from.</summary>
    private Uri SiteUrl()
    {
        var text = configuration["Site:BaseUrl"] is { Length: > 0 } configured ? configured : "http://localhost:5080/";
        return new Uri(text.EndsWith('/') ? text : text + "/");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent email message {MessageId} ({Kind}) for invitation {InvitationId}")]
    private partial void LogSent(int messageId, int invitationId, EmailKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email message {MessageId} not sent on try {Attempt} ({ErrorType}); it will be tried again")]
    private partial void LogRetry(int messageId, int attempt, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email message {MessageId} for invitation {InvitationId} failed after {Attempts} tries")]
    private partial void LogFailed(int messageId, int invitationId, int attempts);
}

/// <summary>What became of one try.</summary>
public enum DeliveryOutcome
{
    Done = 0,
    Retry = 1,
    Failed = 2,
}
