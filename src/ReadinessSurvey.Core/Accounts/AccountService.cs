using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using ReadinessSurvey.Audit;
using ReadinessSurvey.Data;

namespace ReadinessSurvey.Accounts;

/// <summary>Creates and manages policy-team accounts (used by the CLI and the admin pages).</summary>
public sealed class AccountService(UserManager<PolicyUser> users, RoleManager<IdentityRole> roles, ReadinessDbContext db, AuditLog audit, TimeProvider clock)
{
    /// <summary>Adds a user with a role. When no password is given a strong one is generated and returned, to be shown once.</summary>
    public async Task<(PolicyUser User, string Password)> AddAsync(string email, string displayName, string role, string? password, string actor, CancellationToken cancellationToken = default)
    {
        var canonicalRole = PolicyRoles.Parse(role) ?? throw new AccountException($"Role '{role}' does not exist. Use {string.Join(" or ", PolicyRoles.All)}.");
        email = email.Trim();
        if (!System.Net.Mail.MailAddress.TryCreate(email, out _))
        {
            throw new AccountException($"'{email}' is not an email address.");
        }

        if (await users.FindByEmailAsync(email) is not null)
        {
            throw new AccountException($"A user with the email {email} already exists.");
        }

        await EnsureRolesAsync();
        password ??= GeneratePassword();
        var chosen = password;
        var user = await db.InTransactionAsync(async ct =>
        {
            var created = new PolicyUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = string.IsNullOrWhiteSpace(displayName) ? email : displayName.Trim(),
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            Check(await users.CreateAsync(created, chosen), "create the user");
            Check(await users.AddToRoleAsync(created, canonicalRole), "give the user their role");
            audit.Record(actor, "user.added", email, canonicalRole);
            await db.SaveChangesAsync(ct);
            return created;
        }, cancellationToken);
        return (user, password);
    }

    /// <summary>Changes a user's role.</summary>
    public async Task SetRoleAsync(string email, string role, string actor, CancellationToken cancellationToken = default)
    {
        var canonicalRole = PolicyRoles.Parse(role) ?? throw new AccountException($"Role '{role}' does not exist. Use {string.Join(" or ", PolicyRoles.All)}.");
        var user = await users.FindByEmailAsync(email.Trim()) ?? throw new AccountException($"No user has the email {email}.");
        await EnsureRolesAsync();
        var current = await users.GetRolesAsync(user);
        Check(await users.RemoveFromRolesAsync(user, current), "remove the user's roles");
        Check(await users.AddToRoleAsync(user, canonicalRole), "give the user their role");

        // A new security stamp ends the user's sessions, so the new role applies at once.
        await users.UpdateSecurityStampAsync(user);
        audit.Record(actor, "user.role-changed", user.Email, canonicalRole);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<(PolicyUser User, string Role)>> ListAsync(CancellationToken cancellationToken = default)
    {
        var rows = await (from user in db.Users.AsNoTracking()
                          join userRole in db.UserRoles on user.Id equals userRole.UserId into userRoles
                          from userRole in userRoles.DefaultIfEmpty()
                          join r in db.Roles on userRole.RoleId equals r.Id into matched
                          from r in matched.DefaultIfEmpty()
                          orderby user.Email
                          select new { User = user, Role = r == null ? null : r.Name })
            .ToListAsync(cancellationToken);
        return rows.Select(r => (r.User, r.Role ?? "(none)")).ToList();
    }

    private async Task EnsureRolesAsync()
    {
        foreach (var role in PolicyRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create the {role} role");
            }
        }
    }

    /// <summary>A 20-character password from a cryptographic generator that meets every rule in <see cref="AccountRules"/>.</summary>
    public static string GeneratePassword()
    {
        const string lower = "abcdefghijkmnpqrstuvwxyz";
        const string upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
        const string digits = "23456789";
        const string symbols = "!#$%*+-=?@^_";
        const string all = lower + upper + digits + symbols;
        var chars = new List<char>
        {
            lower[RandomNumberGenerator.GetInt32(lower.Length)],
            upper[RandomNumberGenerator.GetInt32(upper.Length)],
            digits[RandomNumberGenerator.GetInt32(digits.Length)],
            symbols[RandomNumberGenerator.GetInt32(symbols.Length)],
        };
        while (chars.Count < 20)
        {
            chars.Add(all[RandomNumberGenerator.GetInt32(all.Length)]);
        }

        var array = chars.ToArray();
        RandomNumberGenerator.Shuffle(array.AsSpan());
        return new string(array);
    }

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new AccountException($"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}

/// <summary>An account change that cannot be made, with a message fit to show the person who asked.</summary>
public sealed class AccountException(string message) : Exception(message);
