using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Configuration;
using Kith.Infrastructure.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Features.Accounts;

public sealed record InviteInput
{
    [Required, EmailAddress, StringLength(FieldLengths.Email), Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [EnumDataType(typeof(AccountRole))]
    public AccountRole Role { get; set; } = AccountRole.Member;
}

public enum InviteOutcome
{
    Sent,
    AlreadyUser,
    RegistrationClosed,
    NotAllowed,
    NotFound,
}

/// <summary>Sends, re-sends and revokes invitations to the actor's own account.</summary>
public sealed class InviteUsers(AppDbContext db, RegistrationPolicy registration, EmailOutbox outbox, PublicLinks links,
    SecurityLogWriter securityLog, TimeProvider clock, IOptionsMonitor<KithOptions> options)
{
    public async Task<InviteOutcome> InviteAsync(User actor, InviteInput input, CancellationToken ct)
    {
        if (input.Role == AccountRole.Owner || !Enum.IsDefined(input.Role)) return InviteOutcome.NotAllowed;
        if (!await registration.AllowsInvitationsAsync(ct)) return InviteOutcome.RegistrationClosed;
        var email = input.Email.Trim();
        var normalized = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalized, ct)) return InviteOutcome.AlreadyUser;
        var now = clock.GetUtcNow().UtcDateTime;
        var pending = await db.Invitations.Where(i => i.AccountId == actor.AccountId && i.NormalizedEmail == normalized
            && i.AcceptedAt == null && i.RevokedAt == null).ToListAsync(ct);
        foreach (var old in pending) old.Revoke(now);
        var (invitation, token) = Invitation.Create(actor.AccountId, email, input.Role, actor.Id, now, options.CurrentValue.Limits.InvitationLifetime);
        db.Invitations.Add(invitation);
        Send(actor, invitation, token);
        await db.SaveChangesAsync(ct);
        return InviteOutcome.Sent;
    }

    /// <summary>A fresh link; the one sent before stops working.</summary>
    public async Task<InviteOutcome> ResendAsync(User actor, Guid invitationId, CancellationToken ct)
    {
        if (!await registration.AllowsInvitationsAsync(ct)) return InviteOutcome.RegistrationClosed;
        var invitation = await PendingAsync(actor, invitationId, ct);
        if (invitation is null) return InviteOutcome.NotFound;
        Send(actor, invitation, invitation.Renew(clock.GetUtcNow().UtcDateTime, options.CurrentValue.Limits.InvitationLifetime));
        await db.SaveChangesAsync(ct);
        return InviteOutcome.Sent;
    }

    public async Task<InviteOutcome> RevokeAsync(User actor, Guid invitationId, CancellationToken ct)
    {
        var invitation = await PendingAsync(actor, invitationId, ct);
        if (invitation is null) return InviteOutcome.NotFound;
        invitation.Revoke(clock.GetUtcNow().UtcDateTime);
        securityLog.Add(SecurityEventTypes.InvitationRevoked, actor.Id, actor.AccountId, $"invitation {invitation.Id}");
        await db.SaveChangesAsync(ct);
        return InviteOutcome.Sent;
    }

    private Task<Invitation?> PendingAsync(User actor, Guid invitationId, CancellationToken ct) =>
        db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId && i.AccountId == actor.AccountId && i.AcceptedAt == null && i.RevokedAt == null, ct);

    private void Send(User actor, Invitation invitation, string token)
    {
        var link = links.Absolute("/account/invitation", new Dictionary<string, string?> { ["token"] = token });
        outbox.Enqueue(invitation.Email, EmailTemplates.Invitation(actor.DisplayName, link, options.CurrentValue.Limits.InvitationLifetime));
        securityLog.Add(SecurityEventTypes.InvitationSent, actor.Id, actor.AccountId, $"invitation {invitation.Id} as {invitation.Role}");
    }
}
