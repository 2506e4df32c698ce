using Kith.Data;
using Kith.Features.Account;
using Kith.Features.Accounts;
using Kith.Infrastructure.Configuration;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Kith.Features.Settings;

public sealed record PendingInvitationView(Guid Id, string Email, AccountRole Role, DateTime ExpiresAt);

public sealed class InvitationsModel(AppDbContext db, UserManager<User> users, InviteUsers invitations, TimeProvider clock, IOptionsMonitor<KithOptions> options) : PageModel
{
    [BindProperty]
    public InviteInput Input { get; set; } = new();

    public IReadOnlyList<PendingInvitationView> Pending { get; private set; } = [];
    public double LifetimeDays => options.CurrentValue.Limits.InvitationLifetime.TotalDays;

    [TempData]
    public string? StatusMessage { get; set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public async Task<IActionResult> OnPostInviteAsync(CancellationToken ct)
    {
        var actor = await users.GetUserAsync(User);
        if (actor is null) return Challenge();
        if (!ModelState.IsValid) return await ShowAsync(ct, StatusCodes.Status422UnprocessableEntity);
        return await ResultAsync(await invitations.InviteAsync(actor, Input, ct), "The invitation was sent.", ct);
    }

    public async Task<IActionResult> OnPostResendAsync(Guid invitationId, CancellationToken ct)
    {
        ModelState.Clear();
        var actor = await users.GetUserAsync(User);
        return actor is null ? Challenge() : await ResultAsync(await invitations.ResendAsync(actor, invitationId, ct), "A new link was sent; the old one no longer works.", ct);
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid invitationId, CancellationToken ct)
    {
        ModelState.Clear();
        var actor = await users.GetUserAsync(User);
        return actor is null ? Challenge() : await ResultAsync(await invitations.RevokeAsync(actor, invitationId, ct), "The invitation was revoked.", ct);
    }

    private async Task<IActionResult> ResultAsync(InviteOutcome outcome, string success, CancellationToken ct)
    {
        if (outcome == InviteOutcome.Sent)
        {
            StatusMessage = success;
            return RedirectToPage();
        }
        if (outcome == InviteOutcome.NotFound) return NotFound();
        ModelState.AddModelError("", outcome switch
        {
            InviteOutcome.AlreadyUser => "That email address already has a Kith account.",
            InviteOutcome.RegistrationClosed => "This Kith server is closed to new users, so invitations cannot be sent.",
            _ => "Invite as a member or an administrator.",
        });
        return await ShowAsync(ct, outcome == InviteOutcome.NotAllowed ? StatusCodes.Status403Forbidden : StatusCodes.Status422UnprocessableEntity);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct, int status = StatusCodes.Status200OK)
    {
        var actor = await users.GetUserAsync(User);
        if (actor is null) return Challenge();
        var now = clock.GetUtcNow().UtcDateTime;
        Pending = await db.Invitations.AsNoTracking()
            .Where(i => i.AccountId == actor.AccountId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderBy(i => i.Email)
            .Select(i => new PendingInvitationView(i.Id, i.Email, i.Role, i.ExpiresAt))
            .ToListAsync(ct);
        Response.StatusCode = status;
        return Page();
    }
}
