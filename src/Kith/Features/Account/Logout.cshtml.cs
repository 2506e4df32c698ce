using Kith.Features.Account.SecurityLog;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account;

/// <summary>Signing out is a POST (with antiforgery); a GET only offers the button.</summary>
public sealed class LogoutModel(SignInManager<User> signIn, UserManager<User> users, SecurityLogWriter securityLog) : PageModel
{
    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var user = await users.GetUserAsync(User);
        // Deletes the server-side session row, so a copy of the cookie is worthless from now on.
        await signIn.SignOutAsync();
        if (user is not null) await securityLog.WriteAsync(SecurityEventTypes.SignedOut, user, ct: ct);
        return RedirectToPage("/Account/Logout");
    }
}
