using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Kith.Infrastructure.Web;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Kith.Features.Account;

public sealed record LoginInput
{
    [Required, EmailAddress, StringLength(FieldLengths.Email), Display(Name = "Email address")]
    public string Email { get; set; } = "";

    [Required, StringLength(FieldLengths.PasswordMax), DataType(DataType.Password)]
    public string Password { get; set; } = "";
}

[AuthRateLimit]
public sealed class LoginModel(SignInManager<User> signIn, UserManager<User> users, RegistrationPolicy registration,
    SecurityLogWriter securityLog, RegisterAccount accounts, Infrastructure.Email.EmailOutbox outbox, AppDbContext db) : PageModel
{
    // One message for every failure, so a response never tells whether an email has an account.
    public const string FailureMessage = "That email and password do not match an active account, or the account is temporarily locked.";

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public bool RegistrationOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => RegistrationOpen = await registration.AllowsSelfRegistrationAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Failed();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            // Spend the same time as a real check so timing does not reveal unknown emails.
            users.PasswordHasher.VerifyHashedPassword(new User(), DummyHash.Value, Input.Password);
            await securityLog.WriteAsync(SecurityEventTypes.SignInFailed, detail: "unknown email", ct: ct);
            return Failed();
        }

        var result = await signIn.PasswordSignInAsync(user, Input.Password, isPersistent: false, lockoutOnFailure: true);
        if (result.Succeeded)
        {
            await securityLog.WriteAsync(SecurityEventTypes.SignInSucceeded, user, ct: ct);
            return LocalRedirect(Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/");
        }
        if (result.IsLockedOut)
        {
            await securityLog.WriteAsync(SecurityEventTypes.LockedOut, user, ct: ct);
            return Failed();
        }
        if (result.IsNotAllowed && !user.EmailConfirmed)
        {
            // The password was right, so the person owns this account: it is safe to say what is missing.
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            outbox.Enqueue(user.Email!, Infrastructure.Email.EmailTemplates.ConfirmEmail(user.DisplayName, accounts.ConfirmLink(user, token)));
            securityLog.Add(SecurityEventTypes.SignInUnconfirmed, user);
            await db.SaveChangesAsync(ct);
            return Failed("Confirm your email address first: we have sent you a new confirmation link.");
        }
        await securityLog.WriteAsync(SecurityEventTypes.SignInFailed, user, ct: ct);
        return Failed();
    }

    private PageResult Failed(string message = FailureMessage)
    {
        ModelState.AddModelError("", message);
        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    private static readonly Lazy<string> DummyHash = new(() => new PasswordHasher<User>(
        Microsoft.Extensions.Options.Options.Create(new PasswordHasherOptions { IterationCount = 210_000 }))
        .HashPassword(new User(), Guid.NewGuid().ToString()));
}
