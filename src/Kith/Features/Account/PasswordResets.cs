using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kith.Features.Account;

public enum ResetOutcome
{
    Done,
    InvalidLink,
    InvalidPassword,
}

public sealed record ResetResult(ResetOutcome Outcome, IReadOnlyList<IdentityError> Errors);

/// <summary>Forgot-password and reset. Never tells whether an email has an account.</summary>
public sealed class PasswordResets(AppDbContext db, UserManager<User> users, EmailOutbox outbox, AccountLinks links,
    SecurityLogWriter securityLog, IOptions<PasswordResetTokenProviderOptions> resetOptions)
{
    // At most one reset email per address in this window, however many addresses ask.
    private static readonly TimeSpan MailWindow = TimeSpan.FromMinutes(2);

    public async Task RequestAsync(string email, CancellationToken ct)
    {
        var user = await users.FindByEmailAsync(email.Trim());
        if (user is null || user.DeactivatedAt is not null)
        {
            await securityLog.WriteAsync(SecurityEventTypes.PasswordResetRequested, detail: "unknown email", ct: ct);
            return;
        }
        if (user.EmailConfirmed)
        {
            var token = await users.GeneratePasswordResetTokenAsync(user);
            await outbox.EnqueueUnlessRecentAsync(user.Email!, EmailTemplates.ResetPassword(user.DisplayName, links.Reset(user, token), resetOptions.Value.TokenLifespan), MailWindow, ct);
        }
        else
        {
            // Proving the address is the first step either way: send the confirmation again.
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            await outbox.EnqueueUnlessRecentAsync(user.Email!, EmailTemplates.ConfirmEmail(links.Confirm(user, token)), MailWindow, ct);
        }
        securityLog.Add(SecurityEventTypes.PasswordResetRequested, user);
        await db.SaveChangesAsync(ct);
    }

    public async Task<ResetResult> CompleteAsync(string? userId, string? code, string newPassword, CancellationToken ct)
    {
        var token = AccountLinks.Decode(code);
        var user = Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is null || token is null)
        {
            await securityLog.WriteAsync(SecurityEventTypes.PasswordResetFailed, detail: "invalid link", ct: ct);
            return new(ResetOutcome.InvalidLink, []);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var result = await users.ResetPasswordAsync(user, token, newPassword);
        if (!result.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            var invalidLink = result.Errors.Any(e => e.Code == nameof(IdentityErrorDescriber.InvalidToken));
            await securityLog.WriteAsync(SecurityEventTypes.PasswordResetFailed, user, invalidLink ? "invalid or expired token" : "password rejected", ct);
            return invalidLink ? new(ResetOutcome.InvalidLink, []) : new(ResetOutcome.InvalidPassword, result.Errors.ToList());
        }

        // Receiving the link proves the address; a reset also clears a lockout and ends every session.
        user.EmailConfirmed = true;
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await db.RevokeAllAsync(user.Id, ct);
        securityLog.Add(SecurityEventTypes.PasswordResetCompleted, user);
        securityLog.Add(SecurityEventTypes.SessionsRevoked, user, "all sessions, after password reset");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(ResetOutcome.Done, []);
    }
}
