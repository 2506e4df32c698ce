using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Kith.Features.Accounts;

public sealed record AcceptInvitationInput
{
    [Required, StringLength(FieldLengths.DisplayName), RegularExpression(FieldLengths.NoControlCharacters, ErrorMessage = "Use letters, digits, spaces and punctuation only."), Display(Name = "Your name")]
    public string DisplayName { get; set; } = "";

    [Required, StringLength(FieldLengths.PasswordMax, MinimumLength = FieldLengths.PasswordMin, ErrorMessage = FieldLengths.PasswordLengthMessage), DataType(DataType.Password)]
    public string Password { get; set; } = "";

    [Required, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords do not match."), Display(Name = "Repeat the password")]
    public string ConfirmPassword { get; set; } = "";
}

public enum AcceptOutcome
{
    Joined,
    InvalidLink,
    RegistrationClosed,
    AlreadyUser,
    InvalidPassword,
}

public sealed record AcceptResult(AcceptOutcome Outcome, IReadOnlyList<IdentityError> Errors, string? Email = null);

/// <summary>
/// Turns a valid invitation into a user of the inviting account. The password meets exactly the policy of
/// registration (the same validators); the email counts as confirmed, since the link reached it.
/// </summary>
public sealed class AcceptInvitation(AppDbContext db, UserManager<User> users, RegistrationPolicy registration, SecurityLogWriter securityLog, TimeProvider clock)
{
    public async Task<Invitation?> FindPendingAsync(string? token, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(token) || token.Length > FieldLengths.ResetCode) return null;
        var hash = Invitation.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.TokenHash == hash, ct);
        return invitation is not null && invitation.IsPending(now) ? invitation : null;
    }

    public async Task<AcceptResult> AcceptAsync(string? token, AcceptInvitationInput input, CancellationToken ct)
    {
        var invitation = await FindPendingAsync(token, ct);
        if (invitation is null)
        {
            await securityLog.WriteAsync(SecurityEventTypes.InvitationRefused, detail: "invalid, used, revoked or expired link", ct: ct);
            return new(AcceptOutcome.InvalidLink, []);
        }
        if (!await registration.AllowsInvitationsAsync(ct)) return new(AcceptOutcome.RegistrationClosed, [], invitation.Email);
        if (await users.FindByEmailAsync(invitation.Email) is not null) return new(AcceptOutcome.AlreadyUser, [], invitation.Email);

        var now = clock.GetUtcNow().UtcDateTime;
        var user = new User
        {
            AccountId = invitation.AccountId,
            Email = invitation.Email,
            UserName = invitation.Email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName.Trim(),
            Role = invitation.Role,
            CreatedAt = now,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        IdentityResult created;
        try
        {
            created = await users.CreateAsync(user, input.Password);
        }
        catch (DbUpdateException)
        {
            // The same link accepted twice at once: the unique email lets only one through.
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new(AcceptOutcome.InvalidLink, []);
        }
        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new(AcceptOutcome.InvalidPassword, created.Errors.ToList(), invitation.Email);
        }
        invitation.Accept(now);
        securityLog.Add(SecurityEventTypes.InvitationAccepted, user, $"invitation {invitation.Id}");
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return new(AcceptOutcome.Joined, [], invitation.Email);
    }
}
