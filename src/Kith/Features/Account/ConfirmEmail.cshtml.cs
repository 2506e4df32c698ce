using Kith.Features.Account.SecurityLog;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account;

public sealed class ConfirmEmailModel(UserManager<User> users, SecurityLogWriter securityLog) : PageModel
{
    public bool Confirmed { get; private set; }

    public async Task OnGetAsync(string? userId, string? code, CancellationToken ct)
    {
        var token = AccountLinks.Decode(code);
        var user = Guid.TryParse(userId, out var id) ? await users.FindByIdAsync(id.ToString()) : null;
        if (user is not null && token is not null && (await users.ConfirmEmailAsync(user, token)).Succeeded)
        {
            Confirmed = true;
            await securityLog.WriteAsync(SecurityEventTypes.EmailConfirmed, user, ct: ct);
        }
        if (!Confirmed) Response.StatusCode = StatusCodes.Status400BadRequest;
    }
}
