using System.ComponentModel.DataAnnotations;
using Kith.Data;
using Kith.Features.Account.SecurityLog;
using Kith.Features.Account.TwoFactor;
using Kith.Infrastructure.Email;
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
    SecurityLogWriter securityLog, AccountLinks links, EmailOutbox outbox, AppDbContext db,
    MfaEnrolment mfa, RememberedDevices rememberedDevices, PendingSignIns pendingSignIns, KnownDevices.KnownDeviceCookie knownDevices) : PageModel
{
    // One message for every failure, so a response never tells whether an email has an account.
    public const string FailureMessage = "That email and password do not match an active account, or the account is temporarily locked.";
    public const string ConfirmFirstMessage = "Confirm your email address first: we have sent you a confirmation link.";
    private static readonly TimeSpan ConfirmationResendWindow = TimeSpan.FromMinutes(15);

    [BindProperty]
    public LoginInput Input { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? ReturnUrl { get; set; }

    [TempData]
    public string? StatusMessage { get; set; }

    public bool RegistrationOpen { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => RegistrationOpen = await registration.AllowsSelfRegistrationAsync(ct);

    /// <summary>
    /// The password is verified before anything about the account is revealed or changed; every branch
    /// that rejects without verifying spends the same hashing time, so timing reveals nothing either.
    /// </summary>
    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid) return Failed();
        var user = await users.FindByEmailAsync(Input.Email.Trim());
        if (user is null)
        {
            SpendHashingTime();
            await securityLog.WriteAsync(SecurityEventTypes.SignInFailed, detail: "unknown email", ct: ct);
            return Failed();
        }
        if (await users.IsLockedOutAsync(user))
        {
            SpendHashingTime();
            await securityLog.WriteAsync(SecurityEventTypes.SignInFailed, user, "account locked", ct);
            return Failed();
        }
        if (!await users.CheckPasswordAsync(user, Input.Password))
        {
            await users.AccessFailedAsync(user);
            var locked = await users.IsLockedOutAsync(user);
            await securityLog.WriteAsync(locked ? SecurityEventTypes.LockedOut : SecurityEventTypes.SignInFailed, user, ct: ct);
            return Failed();
        }

        if (user.DeactivatedAt is not null)
        {
            await securityLog.WriteAsync(SecurityEventTypes.SignInFailed, user, "user deactivated", ct);
            return Failed();
        }
        if (!user.EmailConfirmed)
        {
            // The password was right, so the person owns this account: it is safe to say what is missing.
            var token = await users.GenerateEmailConfirmationTokenAsync(user);
            await outbox.EnqueueUnlessRecentAsync(user.Email!, EmailTemplates.ConfirmEmail(links.Confirm(user, token)), ConfirmationResendWindow, ct);
            securityLog.Add(SecurityEventTypes.SignInUnconfirmed, user);
            await db.SaveChangesAsync(ct);
            return Failed(ConfirmFirstMessage);
        }

        var returnUrl = Url.IsLocalUrl(ReturnUrl) ? ReturnUrl : "/";
        if (await mfa.IsEnrolledAsync(user.Id, ct))
        {
            // Failures stay counted until the second factor succeeds: re-entering the password must not reset the lockout.
            if (!await rememberedDevices.IsRememberedAsync(HttpContext, user.Id, ct))
            {
                await pendingSignIns.StartAsync(HttpContext, user, ct);
                return RedirectToPage("/Account/TwoFactor", new { returnUrl });
            }
            securityLog.Add(SecurityEventTypes.SecondFactorSucceeded, user, "remembered device");
        }
        await users.ResetAccessFailedCountAsync(user);
        await signIn.SignInAsync(user, isPersistent: false);
        await knownDevices.NoteSignInAsync(HttpContext, user, "password", ct);
        await securityLog.WriteAsync(SecurityEventTypes.SignInSucceeded, user, ct: ct);
        return LocalRedirect(returnUrl);
    }

    private void SpendHashingTime() => users.PasswordHasher.VerifyHashedPassword(new User(), DummyHash.Value, Input.Password);

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
