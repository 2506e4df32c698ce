using System.Security.Claims;
using Kith.Features.Account.Sessions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account;

/// <summary>
/// The link from the email-change message. Opening it only shows a button: mail scanners that fetch links must not
/// change anybody's address. Anyone holding the link may confirm it (it may be opened on another device).
/// </summary>
public sealed class ConfirmEmailChangeModel(SignInManager<User> signIn, EmailChanges emailChanges) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Email { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Code { get; set; }

    public bool LinkValid { get; private set; }

    public bool Changed { get; private set; }

    public async Task OnGetAsync()
    {
        LinkValid = await emailChanges.IsValidAsync(UserId, Email, Code);
        if (!LinkValid) Response.StatusCode = StatusCodes.Status400BadRequest;
    }

    public async Task OnPostAsync(CancellationToken ct)
    {
        var signedInAs = User.Identity?.IsAuthenticated == true ? User.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        bool IsSameUser(User user) => string.Equals(signedInAs, user.Id.ToString(), StringComparison.OrdinalIgnoreCase);
        var user = await emailChanges.ConfirmAsync(UserId, Email, Code, u => IsSameUser(u) ? HttpContext.CurrentSessionKey() : null, ct);
        if (user is null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }
        Changed = true;
        // The security stamp changed: re-issue this browser's ticket so the session that confirmed stays signed in.
        if (IsSameUser(user)) await signIn.RefreshSignInAsync(user);
    }
}
