using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account;

public sealed record ResetPasswordInput
{
    [Required, StringLength(FieldLengths.ResetUserId)]
    public string UserId { get; set; } = "";

    [Required, StringLength(FieldLengths.ResetCode)]
    public string Code { get; set; } = "";

    [Required, StringLength(FieldLengths.PasswordMax, MinimumLength = FieldLengths.PasswordMin, ErrorMessage = FieldLengths.PasswordLengthMessage), DataType(DataType.Password), Display(Name = "New password")]
    public string Password { get; set; } = "";

    [Required, DataType(DataType.Password), Compare(nameof(Password), ErrorMessage = "The two passwords do not match."), Display(Name = "Repeat the new password")]
    public string ConfirmPassword { get; set; } = "";
}

[AuthRateLimit]
public sealed class ResetPasswordModel(PasswordResets resets) : PageModel
{
    private const string LinkKey = "ResetLink";

    [BindProperty]
    public ResetPasswordInput Input { get; set; } = new();

    public bool Done { get; private set; }
    public bool LinkInvalid { get; private set; }

    /// <summary>
    /// The emailed link carries the token in its query; it is moved into encrypted TempData and the
    /// browser is sent to the bare address, so the token leaves the address bar and history at once.
    /// </summary>
    public IActionResult OnGet(string? userId, string? code)
    {
        if (userId is not null || code is not null)
        {
            TempData[LinkKey] = $"{userId}|{code}";
            return RedirectToPage();
        }
        var parts = (TempData[LinkKey] as string)?.Split('|', 2);
        if (parts is not [{ Length: > 0 } id, { Length: > 0 } token])
        {
            LinkInvalid = true;
            return Page();
        }
        Input = new ResetPasswordInput { UserId = id, Code = token };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Invalid();
        var result = await resets.CompleteAsync(Input.UserId, Input.Code, Input.Password, ct);
        switch (result.Outcome)
        {
            case ResetOutcome.Done:
                Done = true;
                return Page();
            case ResetOutcome.InvalidLink:
                LinkInvalid = true;
                Response.StatusCode = StatusCodes.Status400BadRequest;
                return Page();
            default:
                foreach (var error in result.Errors) ModelState.AddModelError("Input.Password", error.Description);
                return Invalid();
        }
    }


    private PageResult Invalid()
    {
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }
}
