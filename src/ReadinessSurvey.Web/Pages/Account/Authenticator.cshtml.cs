using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using QRCoder;
using ReadinessSurvey.Accounts;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;
using ReadinessSurvey.Web.Accounts;

namespace ReadinessSurvey.Web.Pages.Account;

/// <summary>
/// Sets up an authenticator app (TOTP, RFC 6238): shows the key as a QR code and as text, checks one
/// code from the app, then turns two-factor on and shows ten recovery codes once.
/// </summary>
[OpenBeforeTwoFactor]
public sealed class AuthenticatorModel(UserManager<PolicyUser> users, SignInManager<PolicyUser> signIn, AuditLog audit, ReadinessDbContext db) : PageModel
{
    private const string Issuer = "AI readiness survey";

    public FormErrors Errors { get; } = [];

    public string FormattedKey { get; private set; } = "";

    public string QrCodePng { get; private set; } = "";

    public bool AlreadyOn { get; private set; }

    public IReadOnlyList<string>? RecoveryCodes { get; private set; }

    /// <summary>False until the person asks for a key: making one is a change, so only a form post makes it.</summary>
    public bool HasKey { get; private set; }

    public async Task<IActionResult> OnGetAsync()
    {
        // Only shows: making a key renews the security stamp, which would end this person's sessions
        // if a GET did it (a link sent to them would sign them out everywhere).
        var person = await CurrentAsync();
        if (!string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(person)))
        {
            await ShowKeyAsync(person);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostStartAsync()
    {
        // A key is made once and kept until two-factor is turned off, so asking again does not
        // invalidate what the app has already scanned.
        var person = await CurrentAsync();
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(person)))
        {
            await users.ResetAuthenticatorKeyAsync(person);

            // The security stamp changed: this session carries the new one.
            await signIn.RefreshSignInAsync(person);
        }

        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostAsync(string? code, CancellationToken cancellationToken)
    {
        var person = await CurrentAsync();
        if (string.IsNullOrEmpty(await users.GetAuthenticatorKeyAsync(person)))
        {
            return RedirectToPage();
        }

        var digits = AuthenticatorCode.Digits(code);
        var valid = AuthenticatorCode.IsWellFormed(digits) && await users.VerifyTwoFactorTokenAsync(person, users.Options.Tokens.AuthenticatorTokenProvider, digits);
        if (!valid)
        {
            Errors.Add("code", AuthenticatorCode.IsWellFormed(digits) ? "The code is not right. Enter the code the app shows now" : "Enter the 6-digit code from your authenticator app");
            await ShowKeyAsync(person);
            return Page();
        }

        await users.SetTwoFactorEnabledAsync(person, true);
        RecoveryCodes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(person, 10))?.ToList() ?? [];
        audit.Record(person.Email!, "account.two-factor-on");
        await db.SaveChangesAsync(cancellationToken);

        // The security stamp changed: sign in again so this session carries the new stamp.
        await signIn.RefreshSignInAsync(person);
        return Page();
    }

    public async Task<IActionResult> OnPostDisableAsync(CancellationToken cancellationToken)
    {
        var person = await CurrentAsync();
        await users.SetTwoFactorEnabledAsync(person, false);
        await users.ResetAuthenticatorKeyAsync(person);
        audit.Record(person.Email!, "account.two-factor-off");
        await db.SaveChangesAsync(cancellationToken);
        await signIn.RefreshSignInAsync(person);
        TempData["Message"] = "Two-factor sign-in is off.";
        return RedirectToPage("/Account/Index");
    }

    private async Task<PolicyUser> CurrentAsync()
    {
        var person = await users.GetUserAsync(User) ?? throw new InvalidOperationException("The signed-in user no longer exists.");
        AlreadyOn = person.TwoFactorEnabled;
        return person;
    }

    private async Task ShowKeyAsync(PolicyUser person)
    {
        var key = await users.GetAuthenticatorKeyAsync(person) ?? throw new InvalidOperationException("No authenticator key was made.");
        var builder = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            builder.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        HasKey = true;
        FormattedKey = builder.ToString().TrimEnd().ToLowerInvariant();
        var uri = string.Format(CultureInfo.InvariantCulture, "otpauth://totp/{0}:{1}?secret={2}&issuer={0}&digits=6",
            Uri.EscapeDataString(Issuer), Uri.EscapeDataString(person.Email!), key);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        QrCodePng = Convert.ToBase64String(new PngByteQRCode(data).GetGraphic(5));
    }
}
