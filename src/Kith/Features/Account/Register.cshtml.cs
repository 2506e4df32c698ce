using Kith.Infrastructure.Configuration;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Options;

namespace Kith.Features.Account;

[AuthRateLimit]
public sealed class RegisterModel(RegisterAccount registration, RegistrationPolicy policy, IOptionsMonitor<KithOptions> options) : PageModel
{
    [BindProperty]
    public RegisterInput Input { get; set; } = new();

    public bool RegistrationOpen { get; private set; }
    public RegistrationOutcome? Outcome { get; private set; }
    public bool MailGoesToFolder => !options.CurrentValue.Smtp.IsConfigured;

    public async Task OnGetAsync(CancellationToken ct) => RegistrationOpen = await policy.AllowsSelfRegistrationAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        RegistrationOpen = await policy.AllowsSelfRegistrationAsync(ct);
        if (!RegistrationOpen)
        {
            Response.StatusCode = StatusCodes.Status403Forbidden;
            return Page();
        }
        if (!ModelState.IsValid) return Invalid();

        var result = await registration.RegisterAsync(Input, ct);
        Outcome = result.Outcome;
        switch (result.Outcome)
        {
            case RegistrationOutcome.Invalid:
                foreach (var error in result.Errors)
                    ModelState.AddModelError(error.Code.StartsWith("Password", StringComparison.Ordinal) ? "Input.Password" : "", error.Description);
                Outcome = null;
                return Invalid();
            case RegistrationOutcome.Closed:
                RegistrationOpen = false;
                Response.StatusCode = StatusCodes.Status403Forbidden;
                return Page();
            default:
                return Page();
        }
    }


    private PageResult Invalid()
    {
        Input.Password = "";
        Input.ConfirmPassword = "";
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
