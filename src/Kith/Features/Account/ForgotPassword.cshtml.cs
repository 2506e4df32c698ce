using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account;

public sealed record ForgotPasswordInput
{
    [Required, EmailAddress, StringLength(FieldLengths.Email), Display(Name = "Email address")]
    public string Email { get; set; } = "";
}

[AuthRateLimit]
public sealed class ForgotPasswordModel(PasswordResets resets) : PageModel
{
    [BindProperty]
    public ForgotPasswordInput Input { get; set; } = new();

    public bool Sent { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
            return Page();
        }
        await resets.RequestAsync(Input.Email, ct);
        Sent = true;
        return Page();
    }
}
