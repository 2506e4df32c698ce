using Kith.Features.Account;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features;

public sealed class IndexModel(UserManager<User> users, RegistrationPolicy registration) : PageModel
{
    public string DisplayName { get; private set; } = "";
    public bool RegistrationOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (User.Identity?.IsAuthenticated == true)
        {
            var user = await users.GetUserAsync(User);
            DisplayName = user?.DisplayName ?? "";
            return;
        }
        RegistrationOpen = await registration.AllowsSelfRegistrationAsync(ct);
    }
}
