using Kith.Features.Accounts;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account;

[AuthRateLimit]
public sealed class InvitationModel(AcceptInvitation invitations) : PageModel
{
    private const string TokenKey = "InvitationToken";
    public const string InvalidLinkMessage = "This invitation link is invalid, was already used, was replaced by a newer one, or has expired. Ask for a new invitation.";

    [BindProperty]
    public string? Token { get; set; }

    [BindProperty]
    public AcceptInvitationInput Input { get; set; } = new();

    public string Email { get; private set; } = "";
    public string? Problem { get; private set; }
    public bool Joined { get; private set; }

    /// <summary>As with reset links, the token leaves the address bar at once (into encrypted TempData).</summary>
    public async Task<IActionResult> OnGetAsync(string? token, CancellationToken ct)
    {
        if (token is not null)
        {
            TempData[TokenKey] = token;
            return RedirectToPage();
        }
        Token = TempData[TokenKey] as string;
        if (SignedIn()) return Page();
        var invitation = await invitations.FindPendingAsync(Token, ct);
        if (invitation is null) return Refuse(InvalidLinkMessage, StatusCodes.Status400BadRequest);
        Email = invitation.Email;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (SignedIn()) return Page();
        var invitation = await invitations.FindPendingAsync(Token, ct);
        if (invitation is null) return Refuse(InvalidLinkMessage, StatusCodes.Status400BadRequest);
        Email = invitation.Email;
        if (!ModelState.IsValid) return Refuse(null, StatusCodes.Status422UnprocessableEntity);
        var result = await invitations.AcceptAsync(Token, Input, ct);
        switch (result.Outcome)
        {
            case AcceptOutcome.Joined:
                Joined = true;
                return Page();
            case AcceptOutcome.InvalidPassword:
                foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
                return Refuse(null, StatusCodes.Status422UnprocessableEntity);
            case AcceptOutcome.AlreadyUser:
                return Refuse("This email address already has a Kith account. Sign in instead.", StatusCodes.Status409Conflict);
            case AcceptOutcome.RegistrationClosed:
                return Refuse("This Kith server is not accepting new users at the moment.", StatusCodes.Status403Forbidden);
            default:
                return Refuse(InvalidLinkMessage, StatusCodes.Status400BadRequest);
        }
    }


    // An invitation is for a new person: accepting it while signed in as someone else would mix two identities.
    private bool SignedIn()
    {
        if (User.Identity?.IsAuthenticated != true) return false;
        Problem = "You are signed in. Sign out first, then open the invitation link again.";
        Response.StatusCode = StatusCodes.Status409Conflict;
        return true;
    }

    private PageResult Refuse(string? problem, int status)
    {
        Problem = problem;
        Response.StatusCode = status;
        return Page();
    }
}
