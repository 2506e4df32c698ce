using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.Sessions;
using Kith.Infrastructure.Email;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Kith.Features.Account;

public enum EmailChangeRequest
{
    CheckYourInbox,
    SameAddress,
}

/// <summary>
/// Changing the sign-in email: a link to the new address proves it, and only opening it changes anything.
/// The answer to a request never tells whether the new address already has an account.
/// </summary>
public sealed class EmailChanges(AppDbContext db, UserManager<User> users, EmailOutbox outbox, AccountLinks links,
    SecurityLogWriter securityLog, IOptions<ChangeEmailTokenProviderOptions> tokenOptions)
{
    // At most one confirmation per new address in this window, so the form cannot flood someone's inbox.
    private static readonly TimeSpan MailWindow = TimeSpan.FromMinutes(2);

    public async Task<EmailChangeRequest> RequestAsync(User user, string newEmail, CancellationToken ct)
    {
        newEmail = newEmail.Trim();
        if (string.Equals(users.NormalizeEmail(newEmail), user.NormalizedEmail, StringComparison.Ordinal)) return EmailChangeRequest.SameAddress;
        if (await users.FindByEmailAsync(newEmail) is not null)
        {
            // The owner of that address learns nothing either: the attempt is only in the requester's log.
            await securityLog.WriteAsync(SecurityEventTypes.EmailChangeRequested, user, "refused: the address is in use", ct);
            return EmailChangeRequest.CheckYourInbox;
        }
        var token = await users.GenerateChangeEmailTokenAsync(user, newEmail);
        var content = EmailTemplates.ConfirmEmailChange(links.ChangeEmail(user, newEmail, token), tokenOptions.Value.TokenLifespan);
        await outbox.EnqueueUnlessRecentAsync(newEmail, content, MailWindow, ct);
        securityLog.Add(SecurityEventTypes.EmailChangeRequested, user);
        await db.SaveChangesAsync(ct);
        return EmailChangeRequest.CheckYourInbox;
    }

    /// <summary>Whether the link is valid now, without using it (the confirmation page shows it before the user confirms).</summary>
    public async Task<bool> IsValidAsync(string? userId, string? newEmail, string? code)
    {
        var (user, token) = await ReadLinkAsync(userId, newEmail, code);
        return user is not null && await users.VerifyUserTokenAsync(user, ChangeEmailTokenProvider.ProviderName,
            UserManager<User>.GetChangeEmailTokenPurpose(newEmail!.Trim()), token!);
    }

    /// <summary>
    /// Applies the change. Every session of the user ends but <paramref name="keepSessionKey"/> (the session that
    /// opened the link, when it is the same user's); the old address is told. Null when the link is not valid.
    /// </summary>
    public async Task<User?> ConfirmAsync(string? userId, string? newEmail, string? code, Func<User, string?> keepSessionKey, CancellationToken ct)
    {
        var (user, token) = await ReadLinkAsync(userId, newEmail, code);
        if (user is null) return null;
        newEmail = newEmail!.Trim();
        var oldEmail = user.Email!;

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var changed = await users.ChangeEmailAsync(user, newEmail, token!);
        if (changed.Succeeded) changed = await users.SetUserNameAsync(user, newEmail);
        if (!changed.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return null;
        }
        var keep = keepSessionKey(user);
        var ended = keep is null ? await db.RevokeAllAsync(user.Id, ct) : await db.RevokeAllExceptAsync(user.Id, keep, ct);
        outbox.Enqueue(oldEmail, EmailTemplates.EmailChanged(user.DisplayName, links.Sessions()));
        securityLog.Add(SecurityEventTypes.EmailChanged, user);
        securityLog.Add(SecurityEventTypes.SessionsRevoked, user, $"{ended} session(s), after email change");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return user;
    }

    private async Task<(User? User, string? Token)> ReadLinkAsync(string? userId, string? newEmail, string? code)
    {
        var token = AccountLinks.Decode(code);
        if (token is null || string.IsNullOrWhiteSpace(newEmail) || newEmail.Length > FieldLengths.Email || !Guid.TryParse(userId, out var id)) return (null, null);
        var user = await users.FindByIdAsync(id.ToString());
        return user is null || user.DeactivatedAt is not null ? (null, null) : (user, token);
    }
}
